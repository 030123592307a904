package io.nextbestaction.decide;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/** The body of POST /decide (see api.md). Only account.id is required. */
public record DecisionRequest(
        @Size(max = 200) String requestId,
        @NotNull @Valid AccountData account,
        List<@NotNull @Valid SignalData> signals,
        List<@NotNull Channel> channels,
        @Size(max = 200) String placement,
        @PositiveOrZero @Max(100) Integer limit,
        @Min(0) @Max(100) Integer holdoutPercent,
        @Size(max = 200) String experimentKey) {

    public enum Segment { SMB, MID_MARKET, ENTERPRISE }

    public enum BillingCycle { MONTHLY, ANNUAL }

    public record AccountData(
            @NotBlank @Size(max = 200) String id,
            Segment segment,
            String plan,
            BillingCycle billingCycle,
            @PositiveOrZero Double mrr,
            @PositiveOrZero Integer tenureDays,
            @Valid Seats seats,
            Map<String, @NotNull @Valid UsageData> usage,
            List<@NotNull String> productsOwned,
            List<@NotNull String> featuresUsed,
            @PositiveOrZero Integer activeRoles,
            @Min(0) @Max(100) Integer healthScore,
            @PositiveOrZero Integer openTickets,
            @PositiveOrZero Integer daysSinceLastTicket,
            @PositiveOrZero Integer daysSinceLastPurchase,
            @PositiveOrZero Integer daysSinceDowngrade,
            @PositiveOrZero Integer daysToRenewal,
            Map<Channel, Boolean> consent,
            Map<String, Object> attributes) {
    }

    public record Seats(@PositiveOrZero Integer used, @PositiveOrZero Integer limit) {
    }

    public record UsageData(@NotNull @PositiveOrZero Double used, @PositiveOrZero Double limit) {
    }

    public record SignalData(@NotBlank String type, @NotNull @PositiveOrZero Integer daysAgo) {
    }
}
