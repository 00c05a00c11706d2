package dev.newsdesk.image.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Encoded outputs in two tiers: a Caffeine cache in memory bounded by the bytes it holds
 * (W-TinyLFU eviction), and {@link DiskCache}. Concurrent requests for the same key share one
 * load (single flight): the first starts it, the others wait for the same future.
 */
public final class RenderCache {

    private final Cache<String, Encoded> memory;
    private final DiskCache disk;
    private final ConcurrentHashMap<String, CompletableFuture<Encoded>> inFlight = new ConcurrentHashMap<>();

    public RenderCache(long memoryBytes, DiskCache disk) {
        this.memory = Caffeine.newBuilder()
                .maximumWeight(memoryBytes)
                .weigher((String key, Encoded value) -> value.bytes().length + 2 * key.length() + 64)
                .build();
        this.disk = disk;
    }

    /** A memory hit, without blocking: what the event loop serves directly. */
    public Encoded inMemory(String key) {
        return memory.getIfPresent(key);
    }

    /** The disk tier (blocking I/O); a hit is promoted to memory. */
    public Encoded onDisk(String key) {
        Encoded hit = disk.get(key);
        if (hit != null) {
            memory.put(key, hit);
        }
        return hit;
    }

    /** Memory first (what the next request will look at), then disk (blocking). */
    public void store(String key, Encoded encoded, Runnable betweenTiers) {
        memory.put(key, encoded);
        betweenTiers.run();
        disk.put(key, encoded);
    }

    /** The one load in flight for {@code key}, started with {@code loader} if there is none. */
    public CompletableFuture<Encoded> shared(String key, Supplier<CompletableFuture<Encoded>> loader) {
        CompletableFuture<Encoded> mine = new CompletableFuture<>();
        CompletableFuture<Encoded> existing = inFlight.putIfAbsent(key, mine);
        if (existing != null) {
            return existing;
        }
        CompletableFuture<Encoded> load;
        try {
            load = loader.get();
        } catch (RuntimeException e) {
            load = CompletableFuture.failedFuture(e);
        }
        load.whenComplete((value, failure) -> {
            inFlight.remove(key, mine);
            if (failure != null) {
                mine.completeExceptionally(
                        failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure);
            } else {
                mine.complete(value);
            }
        });
        return mine;
    }
}
