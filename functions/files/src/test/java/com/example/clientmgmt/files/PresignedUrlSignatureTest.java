package com.example.clientmgmt.files;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.FileVersion;
import io.micronaut.context.ApplicationContext;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The presigned URLs against an S3 that checks signatures and expiry (S3Proxy, in-process): the
 * emulator used by the other tests accepts any signature, so the scope of our URLs is proven here.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class PresignedUrlSignatureTest {
    static final String BUCKET = "documents-signature-test";
    static S3Proxy proxy;
    static ApplicationContext context;
    static ApplicationContext shortLived;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final byte[] BYTES = "contrat signé\n".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void start() throws Exception {
        proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test", "test").build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        String endpoint = "http://127.0.0.1:" + proxy.getPort();
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        Map<String, Object> properties = Map.of("aws.endpoint.url", endpoint, "s3.force-path-style", true,
                "bucket.name", BUCKET, "table.name", "unused");
        context = ApplicationContext.builder().properties(properties).start();
        Map<String, Object> expiring = new java.util.HashMap<>(properties);
        expiring.put("documents.upload-validity", "1s");
        shortLived = ApplicationContext.builder().properties(expiring).start();
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
        shortLived.close();
        proxy.stop();
    }

    static final String VERSION = "01ARZ3NDEKTSV4RRFFQ69G5FV1";

    static AdminDocument document(String id, String type, long size) {
        return new AdminDocument("org1", "01ARZ3NDEKTSV4RRFFQ69G5FAV", id, "Contrat", DocumentKind.CONTRACT, null, null, null,
                Instant.now(), "u", List.of(FileVersion.declared(VERSION, "contrat \"final\" é.pdf", type, size, Instant.now(), "u",
                Instant.now().plusSeconds(3600))));
    }

    static FileVersion version(AdminDocument doc) {
        return doc.versions().get(0);
    }

    static int put(String url, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theDeclaredObjectIsAccepted() throws Exception {
        DocumentFiles files = context.getBean(DocumentFiles.class);
        AdminDocument doc = document("01ARZ3NDEKTSV4RRFFQ69G5FA1", "application/pdf", BYTES.length);
        assertEquals(200, put(files.presignUpload(doc, version(doc)).url(), "application/pdf", BYTES));
        DocumentFiles.StoredObject stored = ((DocumentFiles.Presence.Present) files.look(doc.objectKey(VERSION), null)).object();
        assertEquals(BYTES.length, stored.size());
        assertEquals("application/pdf", stored.contentType());
        FileVersion declared = version(doc);
        FileVersion available = new FileVersion(VERSION, declared.fileName(), declared.contentType(), declared.declaredSize(),
                FileVersion.Status.AVAILABLE, (long) BYTES.length, null, stored.versionId(), null, declared.createdAt(), "u",
                Instant.now(), null);
        HttpResponse<byte[]> got = HTTP.send(HttpRequest.newBuilder(URI.create(files.presignDownload(doc, available).url())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode());
        assertArrayEquals(BYTES, got.body());
        assertEquals(DocumentFiles.contentDisposition("contrat \"final\" é.pdf"), got.headers().firstValue("Content-Disposition").orElse(null));
    }

    @Test
    void anotherTypeOrSizeIsRefusedByS3Itself() throws Exception {
        DocumentFiles files = context.getBean(DocumentFiles.class);
        AdminDocument doc = document("01ARZ3NDEKTSV4RRFFQ69G5FA2", "application/pdf", BYTES.length);
        String url = files.presignUpload(doc, version(doc)).url();
        assertEquals(403, put(url, "text/html", BYTES), "content type is signed");
        assertEquals(403, put(url, "application/pdf", "a larger body than declared".getBytes(StandardCharsets.UTF_8)), "length is signed");
        assertEquals(403, put(url.replace(VERSION, "01ARZ3NDEKTSV4RRFFQ69G5FA9"), "application/pdf", BYTES), "the key is signed");
        assertEquals(403, HTTP.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode(),
                "the method is signed");
        assertEquals(new DocumentFiles.Presence.Absent(), files.look(doc.objectKey(VERSION), null));
    }

    @Test
    void anExpiredUrlIsRefused() throws Exception {
        DocumentFiles files = shortLived.getBean(DocumentFiles.class);
        AdminDocument doc = document("01ARZ3NDEKTSV4RRFFQ69G5FA3", "application/pdf", BYTES.length);
        String url = files.presignUpload(doc, version(doc)).url();
        Thread.sleep(2_100);
        assertEquals(403, put(url, "application/pdf", BYTES));
    }
}
