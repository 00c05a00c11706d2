package dev.newsdesk.image.pipeline;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;

/**
 * An OS shared library opened through the Foreign Function &amp; Memory API, or nothing when
 * it is not installed: a missing codec library makes its format unavailable, never a failed
 * start. Libraries stay loaded for the life of the process (global arena).
 * <p>
 * Every function descriptor used through it is also registered for the native-image builder by
 * {@link NativeDowncalls}: a new signature must be added there too.
 */
final class NativeLibrary {

    private final String name;
    private final SymbolLookup symbols;

    private NativeLibrary(String name, SymbolLookup symbols) {
        this.name = name;
        this.symbols = symbols;
    }

    /** The first of {@code names} the dynamic loader finds (the versioned soname first: its ABI is the one we read). */
    static Optional<NativeLibrary> open(List<String> names) {
        for (String candidate : names) {
            try {
                return Optional.of(new NativeLibrary(candidate, SymbolLookup.libraryLookup(candidate, Arena.global())));
            } catch (IllegalArgumentException | IllegalCallerException e) {
                // not installed under this name (or native access not enabled): try the next
            }
        }
        return Optional.empty();
    }

    String name() {
        return name;
    }

    MethodHandle function(String symbol, FunctionDescriptor descriptor) {
        MemorySegment address =
                symbols.find(symbol).orElseThrow(() -> new UnsatisfiedLinkError(name + " has no symbol " + symbol));
        return Linker.nativeLinker().downcallHandle(address, descriptor);
    }

    /** A C string the library owns (never freed by us), as Java text. */
    static String string(MemorySegment cString) {
        return cString.equals(MemorySegment.NULL)
                ? ""
                : cString.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
