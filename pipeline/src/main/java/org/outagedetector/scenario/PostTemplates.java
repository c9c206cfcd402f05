package org.outagedetector.scenario;

import org.outagedetector.language.ServiceCatalog;
import org.outagedetector.language.ServiceEntry;

import java.util.SplittableRandom;

/** The wording of synthetic posts: outage reports, decoys that say "down" in other senses, and chatter. */
final class PostTemplates {

    private static final String[] OUTAGE = {
        "is {name} down?", "{name} is down again", "{name} not working for anyone else?", "{tag}",
        "{handle} your app won't load", "{name} not loading for me", "can't log in to {name}", "{name} down??",
        "anyone else having problems with {name}?", "{name} keeps crashing", "is it just me or is {name} down",
        "ugh {name} outage again", "{name} is down. great.", "is {name} down for everyone or just me",
        "{handle} is the site down? nothing loads", "{name} won't load at all", "wow {name} down {tag}",
    };

    private static final String[] DECOY = {
        "{name} shares down 8% after earnings", "{name} stock is down today, analysts say",
        "{name} is shutting down its old API next year", "scroll down on {name} to see the new menu",
        "{name} subscriber growth slowed down this quarter", "calm down, it's just a {name} show",
        "{name} price hike? I'm down to one streaming service now",
    };

    private static final String[] CHATTER = {
        "just watched a great show", "coffee time", "what a game last night", "I'm down for pizza tonight",
        "my car broke down on the highway", "calm down everyone, it's only Thursday", "count down to the weekend",
        "turn it down, neighbours!", "finally got the down payment together", "that goal will go down in history",
        "loving this weather", "new blog post is up", "anyone watching the match?", "so tired today",
        "the elevator is out of order again", "he was down 3-0 and came back", "upside down cake for dessert",
    };

    private PostTemplates() {}

    static String outage(String service, SplittableRandom rng) {
        return fill(OUTAGE[rng.nextInt(OUTAGE.length)], service);
    }

    static String decoy(String service, SplittableRandom rng) {
        return fill(DECOY[rng.nextInt(DECOY.length)], service);
    }

    static String chatter(SplittableRandom rng) {
        return CHATTER[rng.nextInt(CHATTER.length)];
    }

    private static String fill(String template, String service) {
        ServiceEntry e = ServiceCatalog.shared().resolve(service).orElse(null);
        String name = e != null ? e.displayName() : service;
        String handle = e != null && !e.handles().isEmpty() ? e.handles().get(0) : "@" + service.replace(" ", "");
        String tag = e != null && !e.hashtags().isEmpty() ? e.hashtags().get(0)
                : "#" + service.replace(" ", "") + "down";
        return template.replace("{name}", name).replace("{handle}", handle).replace("{tag}", tag);
    }
}
