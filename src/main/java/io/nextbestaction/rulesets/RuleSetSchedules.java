package io.nextbestaction.rulesets;

import io.nextbestaction.common.error.Outage;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;

import java.time.Duration;

/**
 * The polling of every instance, at the configured intervals: follow the newest activation, compile the newest
 * valid version ahead of its activation, write this instance's heartbeat, and (when watched) pick up saved changes
 * in the decision-tables folder.
 * A job that fails every second while the database is away logs one line when it starts failing and one when it
 * works again.
 */
@ApplicationScoped
class RuleSetSchedules {

    /** After the decision-tables folder has set the serving version (its observer has the default priority). */
    void onStart(@Observes @Priority(ObserverMethod.DEFAULT_PRIORITY + 50) StartupEvent event, Scheduler scheduler,
                 RuleSetsConfig rulesets, DecisionTablesConfig tables, RuleSetRegistry registry, DecisionTablesFolder folder,
                 InstanceHeartbeat heartbeat) {
        every(scheduler, "ruleset-sync", rulesets.syncInterval(), registry::sync);
        every(scheduler, "ruleset-prepare-newest", rulesets.syncInterval(), registry::prepareNewest);
        every(scheduler, "instance-heartbeat", rulesets.syncInterval(), heartbeat::beat);
        heartbeat.forgetLongGone();
        if (tables.watch()) {
            every(scheduler, "decision-tables-watch", tables.watchInterval(), folder::watch);
        }
    }

    private static void every(Scheduler scheduler, String name, Duration interval, Runnable task) {
        Outage outage = new Outage(name);
        scheduler.newJob(name)
                .setInterval(interval.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> {
                    try {
                        task.run();
                        outage.ends();
                    } catch (RuntimeException e) {
                        outage.begins(e);
                    }
                })
                .schedule();
    }
}
