package io.logpipe.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class the JVM's one shared Kafka broker: a {@link KafkaBroker} parameter (constructor, lifecycle or
 * test method) or a non-final field of type {@link KafkaBroker} (static or instance) is filled in.
 *
 * <p>The broker starts lazily on first use and stops when the JVM's test run ends. Test classes share it, so name
 * topics, application ids and transactional ids with {@link KafkaBroker#uniqueName(String)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("kafka")
@ExtendWith(KafkaBrokerExtension.class)
public @interface KafkaTest {}
