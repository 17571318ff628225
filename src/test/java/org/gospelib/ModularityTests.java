package org.gospelib;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(GospelibApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theServicesOfTheDeploymentGuideAreModules() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("scripture", "platform", "ingest", "content", "identity", "gateway", "study",
                        "search", "web", "jobs", "webhooks", "notifications", "topics", "backup", "billing", "assistant", "files",
                        "audit", "console");
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(MODULES).writeDocumentation();
    }
}
