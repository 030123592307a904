package io.nextbestaction.decide;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The body of POST /decide (see api.md). Only account.id is required. */
@Schema(name = "DecisionRequest", description = "The facts of one account and where the offers will be shown. Only account.id is required; "
        + "an absent field never triggers a rule or a guardrail.")
public record DecisionRequest(
        @Schema(description = "Idempotency key: the same requestId with the same request returns the stored decision")
        @Size(max = 200) String requestId,
        @NotNull @Valid AccountData account,
        List<@NotNull @Valid SignalData> signals,
        @Schema(description = "The channels the placement can use; absent means every channel, subject to consent")
        List<@NotNull Channel> channels,
        @Schema(examples = "dashboard-banner") @Size(max = 200) String placement,
        @Schema(description = "How many offers at most; 3 when absent") @PositiveOrZero @Max(100) Integer limit,
        @Schema(description = "The share of accounts held out (offered nothing); 10 when absent") @Min(0) @Max(100) Integer holdoutPercent,
        @Schema(description = "Which experiment the holdout belongs to; expansion-default when absent") @Size(max = 200) String experimentKey) {

    public enum Segment { SMB, MID_MARKET, ENTERPRISE }

    public enum BillingCycle { MONTHLY, ANNUAL }

    @Schema(name = "AccountData", description = "The account's facts; each absent field is unknown and triggers nothing")
    public record AccountData(
            @Schema(examples = "acc-42") @NotBlank @Size(max = 200) String id,
            Segment segment,
            String plan,
            BillingCycle billingCycle,
            @PositiveOrZero Double mrr,
            @PositiveOrZero Integer tenureDays,
            @Valid Seats seats,
            @Schema(description = "Usage by metric, e.g. events or storageGb") Map<String, @NotNull @Valid UsageData> usage,
            List<@NotNull String> productsOwned,
            List<@NotNull String> featuresUsed,
            @PositiveOrZero Integer activeRoles,
            @Min(0) @Max(100) Integer healthScore,
            @PositiveOrZero Integer openTickets,
            @PositiveOrZero Integer daysSinceLastTicket,
            @PositiveOrZero Integer daysSinceLastPurchase,
            @Schema(description = "Absent: never downgraded") @PositiveOrZero Integer daysSinceDowngrade,
            @PositiveOrZero Integer daysToRenewal,
            @Schema(description = "Consent by channel; email and SMS need it") Map<Channel, Boolean> consent,
            @Schema(description = "Any further facts, by name, for rules that read them") Map<String, Object> attributes) {
    }

    public record Seats(@PositiveOrZero Integer used, @PositiveOrZero Integer limit) {
    }

    public record UsageData(@NotNull @PositiveOrZero Double used, @PositiveOrZero Double limit) {
    }

    @Schema(name = "SignalData", description = "Something the account did, e.g. PLAN_COMPARISON, so many days ago")
    public record SignalData(@NotBlank String type, @NotNull @PositiveOrZero Integer daysAgo) {
    }
}
