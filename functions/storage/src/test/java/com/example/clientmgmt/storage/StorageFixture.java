package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.AdminInfoPatch;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Change;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Licence;
import com.example.clientmgmt.domain.Organization;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Person;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.domain.Reminder;
import com.example.clientmgmt.storage.project.ProjectStore;
import com.example.clientmgmt.testkit.AwsTestClients;
import com.example.clientmgmt.testkit.Emulator;
import com.example.clientmgmt.testkit.LocalResources;
import com.example.clientmgmt.testkit.Template;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Store tests without HTTP: for one test class, a fresh table in the emulator created from template.yaml,
 * and the storage beans wired as in a function (configuration, SDK clients), with every DynamoDB
 * operation they send recorded, so a test can say how many requests an access pattern costs.
 */
public final class StorageFixture implements BeforeAllCallback, AfterAllCallback {
    public static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    /** How long the upload URL of a document declared by a test stays valid. */
    public static final Duration UPLOAD_URL = Duration.ofMinutes(15);
    final List<String> operations = new CopyOnWriteArrayList<>();
    public AwsTestClients aws;
    public String table;
    ApplicationContext context;

    private final Map<String, Object> extra;

    public StorageFixture() {
        this(Map.of());
    }

    /** With these settings on top of application.properties (e.g. a smaller step, so that a few items make several). */
    public StorageFixture(Map<String, Object> extra) {
        this.extra = extra;
    }

    private Map<String, Object> properties() {
        Map<String, Object> all = new java.util.HashMap<>(extra);
        all.put("table.name", table);
        all.put("aws.endpoint.url", Emulator.endpoint());
        return all;
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        String endpoint = Emulator.endpoint();
        aws = AwsTestClients.forEndpoint(endpoint);
        LocalResources.Names names = LocalResources.Names.unique("s");
        LocalResources.createTable(Template.load(), names.table(), aws.dynamoDb());
        table = names.table();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        context = ApplicationContext.builder()
                .properties(properties())
                .singletons(recorder).start();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (context != null) {
            context.close();
        }
    }

    /** An edit of a document as the domain decides it, under the fixture's reminder schedule and {@link #SETTINGS}. */
    public com.example.clientmgmt.domain.DocumentEdit edit(com.example.clientmgmt.domain.AdminDocument before, long version,
                                                    com.example.clientmgmt.domain.AdminDocument after) {
        return com.example.clientmgmt.domain.DocumentEdit.of(bean(com.example.clientmgmt.domain.ReminderSchedule.class).of(SETTINGS),
                before, version, after);
    }

    /** A declaration as the domain decides it, under the fixture's reminder schedule and {@link #SETTINGS}. */
    public com.example.clientmgmt.domain.DocumentDeclaration declaration(com.example.clientmgmt.domain.AdminDocument document) {
        return com.example.clientmgmt.domain.DocumentDeclaration.of(bean(com.example.clientmgmt.domain.ReminderSchedule.class).of(SETTINGS), document);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The DynamoDB operations {@code action} sent, in order. */
    public List<String> operationsOf(Runnable action) {
        operations.clear();
        action.run();
        return List.copyOf(operations);
    }

    /** The item as stored, read behind the stores' back. */
    public Map<String, AttributeValue> rawItem(Map<String, AttributeValue> key) {
        return aws.dynamoDb().getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
    }

    /** Deletes an item behind the stores' back (data written before a change of layout). */
    public void rawDelete(Map<String, AttributeValue> key) {
        aws.dynamoDb().deleteItem(b -> b.tableName(table).key(key));
    }

    /** Closes a project as its ADMIN {@code by} would (the state change alone: its reminders move with ReminderParking). */
    public void close(Project project, Caller by) {
        setState(project, by, ProjectState.CLOSED);
    }

    /** Sets a project's state as its ADMIN {@code by} would (the state change alone). */
    public void setState(Project project, Caller by, ProjectState state) {
        Project current = bean(ProjectStore.class).find(project.orgId(), project.id()).orElseThrow();
        AdminInfo.Update update = current.adminInfo().apply(new AdminInfoPatch(Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.set(state), Change.keep()));
        bean(ProjectStore.class).updateAdminInfo(current, by, update, NOW);
    }

    public static Caller caller(String user, String org) {
        return new Caller(user, org, false);
    }

    /** A new ACTIVE project of {@code org} with these members. */
    public static Project project(String org, Map<String, Permission> members) {
        return new Project(org, Ids.newId(NOW), "Projet " + System.nanoTime(),
                new AdminInfo(null, null, null, null, ProjectState.ACTIVE, null), 1, members, Map.of(), NOW,
                members.keySet().iterator().next());
    }

    public static Person person(String org, String name, Licence licence) {
        return new Person(org, Ids.newId(NOW), name, null, null, null, licence, Set.of());
    }

    /** The settings of organizations that saved none: reminders at 07:00 in Toronto. */
    public static final Organization SETTINGS = Organization.defaults("any", ZoneId.of("America/Toronto"));

    /** A new document of {@code project} with one version awaiting its upload until {@link #UPLOAD_URL} after NOW. */
    public static AdminDocument document(Project project, LocalDate reminder) {
        return new AdminDocument(project.orgId(), project.id(), Ids.newId(NOW), "Assurance", DocumentKind.INSURANCE, null,
                reminder == null ? null : Reminder.once(reminder, "Renouveler"), null, NOW, "owner",
                List.of(FileVersion.declared(Ids.newId(NOW), "assurance.pdf", "application/pdf", 100, NOW, "owner", NOW.plus(UPLOAD_URL))));
    }

    /** Asserts that {@code action} is refused with this code (and message key, when given). */
    public static ProblemException refused(ProblemCode code, String messageKey, Executable action) {
        ProblemException e = assertThrows(ProblemException.class, action);
        assertEquals(code, e.code(), e::toString);
        if (messageKey != null) {
            assertEquals(messageKey, e.messageKey(), e::toString);
        }
        return e;
    }
}
