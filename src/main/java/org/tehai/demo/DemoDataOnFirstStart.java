package org.tehai.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

/** Loads the demo region when the application starts on an empty embedded database (the newcomer's first run). */
@ApplicationScoped
public class DemoDataOnFirstStart {

    @Inject
    DemoSettings settings;

    @Inject
    DemoData demoData;

    void onStart(@Observes StartupEvent event) {
        if (settings.loadWhenEmpty() && demoData.isDatabaseEmpty()) {
            demoData.load(false);
        }
    }
}
