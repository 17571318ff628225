package org.gospelib.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.gospelib.gateway.internal.AccessPolicy.Required;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    @Test
    void readingIsOpenAccountsNeedAUserAdminNeedsAnAdmin() {
        assertThat(AccessPolicy.required("GET", "/v1/verses/John.3.16")).isEqualTo(Required.ANYONE);
        assertThat(AccessPolicy.required("GET", "/v1/search")).isEqualTo(Required.ANYONE);
        assertThat(AccessPolicy.required("POST", "/v1/auth/token")).isEqualTo(Required.ANYONE);
        assertThat(AccessPolicy.required("GET", "/v1/me")).isEqualTo(Required.USER);
        assertThat(AccessPolicy.required("DELETE", "/v1/me")).isEqualTo(Required.USER);
        assertThat(AccessPolicy.required("GET", "/v1/admin/users/x")).isEqualTo(Required.ADMIN);
        assertThat(AccessPolicy.required("POST", "/v1/notes")).isEqualTo(Required.USER);
    }
}
