package org.gospelib.content.remote;

import org.gospelib.platform.Service;
import org.gospelib.platform.ServiceClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the content service runs in another process: its text and reference works, through a client. */
@Configuration(proxyBeanMethods = false)
class RemoteContentConfiguration {

    @Bean
    RemoteContent remoteContent(ServiceClients clients) {
        return new RemoteContent(clients.client(Service.CONTENT, ContentApi.class));
    }
}
