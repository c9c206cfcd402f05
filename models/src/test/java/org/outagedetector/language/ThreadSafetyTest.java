package org.outagedetector.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ThreadSafetyTest {

    private static final List<String> POSTS = List.of("is slack down?", "I'm down for pizza", "@SpotifyCares app won't load",
            "Netflix shares down 8%", "is floopmail down?", "#gmaildown", "can't log in to my Chase account",
            "¿se cayó WhatsApp?", "Twitter落ちてる", "微信挂了", "good morning");

    @Test
    void sharedInstanceGivesTheSameVerdictsUnderConcurrentUse() throws Exception {
        OutageLanguage language = OutageLanguage.shared();
        assertThat(OutageLanguage.shared()).isSameAs(language);
        List<Verdict> expected = POSTS.stream().map(p -> language.classify(p, null)).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<Verdict>>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    List<Verdict> last = null;
                    for (int round = 0; round < 200; round++) {
                        last = POSTS.stream().map(p -> language.classify(p, null)).toList();
                        if (!last.equals(expected)) {
                            return last;
                        }
                    }
                    return last;
                });
            }
            for (Future<List<Verdict>> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
