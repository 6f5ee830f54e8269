package org.karyolab.server.store;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A contract suite: the class runs once per {@link TestDatabase}, "on H2" and then "on PostgreSQL", with
 * the database in a {@link Parameter} field of type {@link TestDatabase}. Subclasses inherit it. Each run
 * gets its own empty database; PostgreSQL is started once per JVM ({@link TestDatabases}).
 *
 * <p>Surefire's reports name a run by its index ({@code Suite[2]}), so a failure's message starts with the
 * database it happened on ("on PostgreSQL: ...").
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
@ExtendWith(OnEachDatabase.NamedFailures.class)
public @interface OnEachDatabase {

    /**
     * Puts the run's database ("on PostgreSQL") in front of the message of a failing test, or of the set-up
     * before it ({@code @BeforeEach}: where a server is started or a database opened).
     */
    final class NamedFailures implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            throw named(context, failure);
        }

        @Override
        public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            throw named(context, failure);
        }

        private static Throwable named(ExtensionContext context, Throwable failure) {
            String run = run(context);
            // an aborted test (a failed assumption) is skipped, not failed: it stays as it is
            if (run == null || failure instanceof TestAbortedException) return failure;
            String message = run + ": " + String.valueOf(failure.getMessage()).stripLeading(); // AssertJ starts with a newline
            // the same kind of failure, so an assertion stays an assertion (with its expected/actual for IDE diffs)
            // and an error stays an error; the original is the cause
            Throwable named = switch (failure) {
                case AssertionFailedError f when f.isExpectedDefined() && f.isActualDefined() ->
                        new AssertionFailedError(message, f.getExpected(), f.getActual(), f);
                case AssertionError f -> new AssertionError(message, f);
                default -> new IllegalStateException(run + ": " + failure, failure);
            };
            named.setStackTrace(failure.getStackTrace());
            return named;
        }

        /** The display name of the run this context is part of ("on H2"), or null outside of one. */
        private static String run(ExtensionContext context) {
            for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
                String id = c.getUniqueId(); // [engine:junit-jupiter]/[class-template:...]/[class-template-invocation:#2]
                if (id.startsWith("[class-template-invocation:", id.lastIndexOf("/[") + 1)) {
                    return c.getDisplayName();
                }
            }
            return null;
        }
    }
}
