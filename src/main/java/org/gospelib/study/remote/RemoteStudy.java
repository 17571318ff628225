package org.gospelib.study.remote;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gospelib.study.PlanDays;

/** Plan days and exports answered by the study service in another process. */
final class RemoteStudy implements PlanDays, org.gospelib.study.StudyExports {

    private final StudyApi api;

    RemoteStudy(StudyApi api) {
        this.api = api;
    }

    @Override
    public ExportedDocument document(UUID userId, org.gospelib.study.ExportFormat format, String translation) {
        var answer = api.export(new StudyApi.ExportQuery(userId, format, translation));
        byte[] content = answer.getBody() == null ? new byte[0] : answer.getBody();
        String items = answer.getHeaders().getFirst(StudyApi.ITEMS_HEADER);
        return new ExportedDocument(content, format, items == null ? 0 : Integer.parseInt(items));
    }

    @Override
    public List<PlanDay> on(UUID userId, LocalDate date) {
        return api.planDays(new StudyApi.PlanDaysQuery(userId, date)).plans();
    }
}
