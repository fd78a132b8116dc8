package org.tehai.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/** Loads the demo region when the application starts on an empty embedded database (the newcomer's first run). */
@ApplicationScoped
public class DemoDataOnFirstStart {

    @ConfigProperty(name = "tehai.demo.load-when-empty", defaultValue = "false")
    boolean loadWhenEmpty;

    @Inject
    DemoData demoData;

    void onStart(@Observes StartupEvent event) {
        if (loadWhenEmpty && demoData.isDatabaseEmpty()) {
            demoData.load(false);
        }
    }
}
