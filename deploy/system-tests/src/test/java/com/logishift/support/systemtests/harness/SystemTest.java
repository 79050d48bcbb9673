package com.logishift.support.systemtests.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against the whole system through the gateway. One test instance per class,
 * so that {@code @BeforeAll} can set up people and tickets the tests share; each test prints its time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({SystemExtension.class, Timings.class})
public @interface SystemTest {
}
