package dev.newsdesk.article.testing;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Test classes in a random order, with the seed printed in the build output so that an order
 * that fails can be run again: {@code -Djunit.jupiter.execution.order.random.seed=<seed>} (the
 * parameter JUnit's own {@link ClassOrderer.Random} reads). JUnit's orderer logs a generated
 * seed only at a level nobody sees; this one prints it on standard output, once per run.
 * Classes that share one database must not depend on who ran before them, and this is how
 * that is kept honest. Sorting by name before the shuffle makes one seed give one order
 * whatever order the build tool discovered the classes in.
 */
public final class RandomClassOrder implements ClassOrderer {

    public static final String SEED = "junit.jupiter.execution.order.random.seed";

    private static final long GENERATED_SEED = ThreadLocalRandom.current().nextLong();
    private static final AtomicBoolean PRINTED = new AtomicBoolean();

    @Override
    public void orderClasses(ClassOrdererContext context) {
        long seed = context.getConfigurationParameter(SEED)
                .map(String::strip)
                .map(Long::parseLong)
                .orElse(GENERATED_SEED);
        if (PRINTED.compareAndSet(false, true)) {
            System.out.println(
                    "[test order] classes in random order, seed " + seed + "; replay with -D" + SEED + "=" + seed);
        }
        List<? extends ClassDescriptor> classes = context.getClassDescriptors();
        classes.sort(Comparator.comparing(c -> c.getTestClass().getName()));
        Collections.shuffle(classes, new SplittableRandom(seed));
    }
}
