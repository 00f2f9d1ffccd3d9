package io.tidbcloud.cli.http;

import java.util.function.Supplier;

/**
 * A value made on first use, once, by whichever thread asks first; what {@link LazyHttpClient} and
 * {@link DeferredSslContext} put off until a command really needs it.
 */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private volatile T value;

    Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = factory.get();
                    value = made;
                }
            }
        }
        return made;
    }

    /** The value if it was made, else null; never makes it. */
    T ifMade() {
        return value;
    }
}
