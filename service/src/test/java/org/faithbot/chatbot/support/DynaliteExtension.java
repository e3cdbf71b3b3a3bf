package org.faithbot.chatbot.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure the shared {@link Dynalite} runs before a test class and is stopped (by PID) when the
 * whole test run ends.
 */
public class DynaliteExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynaliteExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent("dynalite", key -> {
            Dynalite.shared();
            AutoCloseable stop = Dynalite::stopShared;
            return stop;
        }, AutoCloseable.class);
    }
}
