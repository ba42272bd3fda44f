package com.example.clientmgmt.storage.readiness;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRequirements;
import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.Queries;
import com.example.clientmgmt.storage.documents.DocumentItem;
import com.example.clientmgmt.storage.project.ProjectItem;
import com.example.clientmgmt.storage.requirements.RequirementsItem;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What readiness and the calendar need of one project, in one key range of its partition: the project ({@code PROJECT}),
 * its documents ({@code PROJECT#DOCUMENT#…}), its readiness summary ({@code PROJECT#READINESS}) and its stored requirements
 * ({@code PROJECT#REQUIREMENTS}) sort together,
 * so one query reads them all (more pages only past 1 MB of documents); history and pending uploads lie outside it.
 */
@Singleton
public class ProjectDossiers {
    private final DynamoDbClient dynamo;
    private final String table;

    public ProjectDossiers(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /** A project with its documents (oldest first), stored requirements and readiness summary (null: none stored yet). */
    public record Dossier(Project project, List<AdminDocument> documents, ProjectRequirements requirements,
                          ReadinessStore.Stored readiness) {}

    /** The project's dossier; empty when there is no such project. */
    public Optional<Dossier> read(String orgId, String projectId) {
        if (!Ids.isWellFormed(projectId)) {
            return Optional.empty();
        }
        Project project = null;
        List<AdminDocument> documents = new ArrayList<>();
        ProjectRequirements requirements = ProjectRequirements.NONE;
        ReadinessStore.Stored readiness = null;
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.projectPk(orgId, projectId)),
                        ":from", AttributeValue.fromS(Keys.PROJECT), ":to", AttributeValue.fromS(Keys.REQUIREMENTS)))
                .build();
        for (List<Map<String, AttributeValue>> page : Queries.pages(dynamo, query, item -> item)) {
            for (Map<String, AttributeValue> item : page) {
                String sk = Attrs.str(item, Keys.SK);
                if (Keys.PROJECT.equals(sk)) {
                    project = ProjectItem.toProject(item);
                } else if (sk.startsWith(Keys.DOCUMENT_PREFIX)) {
                    documents.add(DocumentItem.toDocument(item));
                } else if (ReadinessItem.isReadiness(item)) {
                    readiness = ReadinessItem.toStored(orgId, item);
                } else if (RequirementsItem.isRequirements(item)) {
                    requirements = RequirementsItem.toRequirements(item);
                }
            }
        }
        return project == null ? Optional.empty() : Optional.of(new Dossier(project, documents, requirements, readiness));
    }
}
