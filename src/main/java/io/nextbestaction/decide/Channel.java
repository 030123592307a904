package io.nextbestaction.decide;

/** Channels a journey tool can offer a self-serve offer through, in order of preference. */
public enum Channel {
    IN_APP, EMAIL, SMS
}
