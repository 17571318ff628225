package org.gospelib.study.remote;

import org.gospelib.platform.Service;
import org.gospelib.platform.ServiceClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the study service runs in another process: its plan days, through a client. */
@Configuration(proxyBeanMethods = false)
class RemoteStudyConfiguration {

    @Bean
    RemoteStudy remoteStudy(ServiceClients clients) {
        return new RemoteStudy(clients.client(Service.STUDY, StudyApi.class));
    }
}
