package io.nextbestaction.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a file or of a set of rule files, as 64 lower-case hex digits. The same files give the same hash
 * whatever their order: each file's name and bytes, in name order, each followed by a zero byte.
 */
public record ContentHash(String hex) {

    /** How a decision names the hash of the version it used: {@code sha256:} and the first 16 digits. */
    public String shortForm() {
        return "sha256:" + hex.substring(0, 16);
    }

    public static ContentHash of(byte[] content) {
        return new ContentHash(HexFormat.of().formatHex(sha256().digest(content)));
    }

    public static ContentHash of(List<RuleFile> files) {
        MessageDigest sha = sha256();
        for (RuleFile file : files.stream().sorted(Comparator.comparing(RuleFile::name)).toList()) {
            sha.update(file.name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(file.content());
            sha.update((byte) 0);
        }
        return new ContentHash(HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public String toString() {
        return hex;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
