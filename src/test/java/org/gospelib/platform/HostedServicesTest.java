package org.gospelib.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HostedServicesTest {

    @Test
    void allAndNothingAreTheCollapsedProcess() {
        for (String value : new String[] {"", "all", " ALL ", "content,all"}) {
            assertThat(HostedServices.parse(value).collapsed()).as(value).isTrue();
        }
        assertThat(HostedServices.parse("content").collapsed()).isFalse();
    }

    @Test
    void aListNamesServicesAndAnUnknownOneIsRefusedByName() {
        assertThat(HostedServices.parse(" Gateway, content ,").services()).isEqualTo(Set.of(Service.GATEWAY, Service.CONTENT));
        assertThatThrownBy(() -> HostedServices.parse("content,contnet")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contnet").hasMessageContaining("gateway, content");
        assertThatThrownBy(() -> HostedServices.parse(",")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modulesRunWhereOneOfTheirServicesRunsAndUnclaimedOnesEverywhere() {
        HostedServices content = HostedServices.parse("content");
        assertThat(content.hostsModule("content")).isTrue();
        assertThat(content.hostsModule("search")).isTrue();
        assertThat(content.hostsModule("study")).isFalse();
        assertThat(content.hostsModule("webhooks")).isFalse();
        assertThat(content.hostsModule("jobs")).isTrue();
        assertThat(content.hostsModule("platform")).isTrue();
        assertThat(HostedServices.parse("worker").hostsModule("webhooks")).isTrue();
        assertThat(HostedServices.parse("notifications").hostsModule("webhooks")).isTrue();
    }

    @Test
    void codeRunsWhereItsModuleRuns() {
        assertThat(HostedServices.moduleOf("org.gospelib.study.NoteCreated")).contains("study");
        assertThat(HostedServices.moduleOf("org.gospelib.webhooks.internal.WebhookFanOut.on(org.gospelib.study.NoteCreated)"))
                .contains("webhooks");
        assertThat(HostedServices.moduleOf("org.gospelib.GospelibApplication")).isEmpty();
        assertThat(HostedServices.moduleOf("com.example.Other")).isEmpty();
        HostedServices study = HostedServices.parse("study");
        assertThat(study.hostsCodeOf("org.gospelib.study.internal.StudyStore")).isTrue();
        assertThat(study.hostsCodeOf("org.gospelib.content.internal.corpus.SnapshotHolder")).isFalse();
        assertThat(study.hostsCodeOf("org.gospelib.jobs.internal.JobQueue")).as("unclaimed module").isTrue();
        assertThat(study.hostsCodeOf("com.example.Other")).isFalse();
        assertThat(HostedServices.all().hostsCodeOf("com.example.Other")).isTrue();
    }

    @Test
    void poolsFollowTheServicesBudgetsAndReadinessTheirData() {
        assertThat(HostedServices.all().connections()).isEqualTo(10);
        assertThat(HostedServices.parse("gateway").connections()).isEqualTo(2);
        assertThat(HostedServices.parse("study,identity").connections()).isEqualTo(10);
        assertThat(HostedServices.parse("content").answersFromTheDatabase()).isFalse();
        assertThat(HostedServices.parse("gateway,web,content").answersFromTheDatabase()).isFalse();
        assertThat(HostedServices.parse("study").answersFromTheDatabase()).isTrue();
        assertThat(HostedServices.all().answersFromTheDatabase()).isTrue();
    }

    @Test
    void theScanFilterLoadsAModuleOrItsStandInNeverBoth() {
        ServiceSelection.ModuleScanFilter web = new ServiceSelection.ModuleScanFilter(HostedServices.parse("web"));
        assertThat(web.excludes("org.gospelib.web.internal.ReaderController")).isFalse();
        assertThat(web.excludes("org.gospelib.content.internal.corpus.SnapshotHolder")).isTrue();
        assertThat(web.excludes("org.gospelib.content.remote.RemoteContentConfiguration")).isFalse();
        assertThat(web.excludes("org.gospelib.gateway.remote.ForwardedCallerConfiguration")).isFalse();
        assertThat(web.excludes("org.gospelib.jobs.internal.JobQueue")).isFalse();
        ServiceSelection.ModuleScanFilter all = new ServiceSelection.ModuleScanFilter(HostedServices.all());
        assertThat(all.excludes("org.gospelib.content.remote.RemoteContentConfiguration")).isTrue();
        assertThat(all.excludes("org.gospelib.gateway.remote.ForwardedCallerConfiguration")).isTrue();
        assertThat(all.excludes("org.gospelib.content.internal.corpus.SnapshotHolder")).isFalse();
        assertThat(all.excludes("com.example.Other")).isFalse();
    }
}
