package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.AdminInfoPatch;
import com.example.clientmgmt.domain.ClientType;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.http.JsonBody;
import io.micronaut.json.JsonMapper;

/**
 * The body of {@code PATCH /projects/{id}/admin-info} read into a partial update: every field optional, absent keeps,
 * null clears (but the state), one 400 listing every problem. Its cases are tested without a server (AdminInfoRequestTest).
 */
final class AdminInfoRequest {
    static final int MAX_CLIENT_COMPANY_NAME = 200;

    private AdminInfoRequest() {}

    static AdminInfoPatch read(JsonMapper json, String body) {
        JsonBody in = JsonBody.parse(json, body);
        AdminInfoPatch patch = new AdminInfoPatch(
                in.textChange(AdminInfo.CLIENT_COMPANY_NAME, MAX_CLIENT_COMPANY_NAME),
                in.dateChange(AdminInfo.SUBMISSION_DEADLINE),
                in.dateChange(AdminInfo.START_DATE),
                in.dateChange(AdminInfo.END_DATE),
                in.enumChange(AdminInfo.STATE, ProjectState.class),
                in.moneyChange(AdminInfo.ESTIMATED_BUDGET),
                in.clearableEnumChange(AdminInfo.CLIENT_TYPE, ClientType.class)); // null: back to PRIVATE
        in.finish();
        return patch;
    }
}
