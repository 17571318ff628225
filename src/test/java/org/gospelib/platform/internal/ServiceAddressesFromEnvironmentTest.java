package org.gospelib.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.gospelib.platform.Service;
import org.gospelib.platform.ServiceAddresses;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Service addresses as a deployment gives them: environment variables in either of Spring's spellings. */
class ServiceAddressesFromEnvironmentTest {

    @Test
    void environmentVariablesNameTheServicesWithOrWithoutTheDash() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "GOSPELIB_SERVICE_URLS_CONTENT", "http://content:8100,http://content-2:8100",
                "GOSPELIB_SERVICEURLS_IDENTITY", "http://identity:8200")));
        ConfigurationPropertySources.attach(environment);
        ServiceAddresses addresses = new ServiceConfiguration().serviceAddresses(environment);
        assertThat(addresses.of(Service.CONTENT)).containsExactly(URI.create("http://content:8100"), URI.create("http://content-2:8100"));
        assertThat(addresses.of(Service.IDENTITY)).containsExactly(URI.create("http://identity:8200"));
        // not named: on loopback at the service's own port
        assertThat(addresses.of(Service.STUDY)).containsExactly(URI.create("http://127.0.0.1:8600"));
    }
}
