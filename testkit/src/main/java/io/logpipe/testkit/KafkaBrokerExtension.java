package io.logpipe.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Injects the JVM's shared {@link KafkaBroker} (see {@link KafkaTest}) into parameters and into non-final fields of
 * type {@link KafkaBroker}: static fields before {@code @BeforeAll}, instance fields when the instance is created.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(KafkaBrokerExtension.class);

  /** The shared broker, started on first call; any extension or test may ask for it. */
  public static KafkaBroker broker(ExtensionContext context) {
    // The root store outlives every test class: one broker per JVM, closed when the test run ends.
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedBroker.class, key -> SharedBroker.start(), SharedBroker.class)
        .broker();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    Class<?> testClass = context.getRequiredTestClass();
    injectFields(testClass, null, context);
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
    injectFields(testInstance.getClass(), testInstance, context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == KafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return broker(extensionContext);
  }

  /** Static fields when {@code instance} is null, instance fields otherwise; superclasses included. */
  private static void injectFields(Class<?> type, Object instance, ExtensionContext context)
      throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        boolean wanted = field.getType() == KafkaBroker.class
            && Modifier.isStatic(field.getModifiers()) == (instance == null)
            && !Modifier.isFinal(field.getModifiers());
        if (wanted) {
          field.setAccessible(true);
          field.set(instance, broker(context));
        }
      }
    }
  }
}
