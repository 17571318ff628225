package org.gospelib.identity.remote;

import org.gospelib.identity.IdentityProperties;
import org.gospelib.platform.Service;
import org.gospelib.platform.ServiceClients;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the identity service runs in another process: its settings (issuer, provider) and a client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class RemoteIdentityConfiguration {

    @Bean
    RemoteIdentity remoteIdentity(ServiceClients clients) {
        return new RemoteIdentity(clients.client(Service.IDENTITY, IdentityApi.class));
    }
}
