package com.example.clientmgmt.files;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.platform.AwsClients;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents bucket: presigned uploads and downloads (the SDK's presigner), and the checks and
 * removals of the upload finalizer. Uploads sign the content type and length, so S3 itself refuses an
 * object other than the one declared; downloads name the original file in Content-Disposition.
 */
@Singleton
public class DocumentFiles implements AutoCloseable {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration uploadValidity;
    private final Duration downloadValidity;

    /**
     * URL lifetimes ({@code documents.upload-validity}, {@code documents.download-validity}) and path-style
     * addressing ({@code s3.force-path-style}, for an emulator) come from configuration; credentials, region
     * and endpoint from the SDK's default chains, for the client and the presigner alike.
     */
    public DocumentFiles(AwsClients aws, SdkHttpClient http, @Value("${bucket.name}") String bucket,
                         @Value("${documents.upload-validity}") Duration uploadValidity,
                         @Value("${documents.download-validity}") Duration downloadValidity,
                         @Value("${s3.force-path-style}") boolean pathStyle) {
        this.uploadValidity = uploadValidity;
        this.downloadValidity = downloadValidity;
        S3Configuration addressing = S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build();
        // Presigned URLs carry no SDK-computed checksum: the browser's bytes are not known when signing.
        this.s3 = aws.configure(S3Client.builder(), http)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(addressing)
                .build();
        S3Presigner.Builder presigner = S3Presigner.builder().s3Client(s3).serviceConfiguration(addressing);
        aws.endpointOverride().ifPresent(presigner::endpointOverride);
        this.presigner = presigner.build();
        this.bucket = bucket;
    }

    /** How the browser uploads: method, URL, the headers it must send as signed, and until when. */
    public record PresignedUpload(String url, String method, Map<String, String> headers, Instant expiresAt) {}

    public record PresignedDownload(String url, Instant expiresAt) {}

    /** What S3 holds under a key. */
    public record StoredObject(long size, String contentType, String eTag, String versionId) {}

    /** How long an upload URL stays valid (documents.upload-validity). */
    public Duration uploadValidity() {
        return uploadValidity;
    }

    public PresignedUpload presignUpload(AdminDocument document, FileVersion version) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p
                .signatureDuration(uploadValidity)
                .putObjectRequest(o -> o.bucket(bucket).key(document.objectKey(version.id()))
                        .contentType(version.contentType()).contentLength(version.declaredSize())));
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(canonical(name), String.join(",", values));
            }
        });
        return new PresignedUpload(presigned.url().toString(), "PUT", headers, presigned.expiration());
    }

    /** A link to one version's bytes, pinned to the S3 version that was checked, named as the user's file. */
    public PresignedDownload presignDownload(AdminDocument document, FileVersion version) {
        PresignedGetObjectRequest presigned = presigner.presignGetObject(p -> p
                .signatureDuration(downloadValidity)
                .getObjectRequest(o -> {
                    o.bucket(bucket).key(document.objectKey(version.id()))
                            .responseContentDisposition(contentDisposition(version.fileName()))
                            .responseContentType(version.contentType());
                    if (version.objectVersion() != null) {
                        o.versionId(version.objectVersion());
                    }
                }));
        return new PresignedDownload(presigned.url().toString(), presigned.expiration());
    }

    /**
     * {@code attachment} with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987), so any
     * character the user typed comes back as typed and none can break the header.
     */
    public static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /**
     * What S3 told of a key: the object it holds, that it holds none, or nothing. A caller without
     * {@code s3:ListBucket} on the bucket gets 403, not 404, for a key that is not there (S3 will not tell it
     * what the bucket holds): that is {@link Unknown}, to be tried again later, never taken for "absent".
     */
    public sealed interface Presence {
        record Present(StoredObject object) implements Presence {}

        record Absent() implements Presence {}

        record Unknown(String reason) implements Presence {}
    }

    /** The object's metadata (a specific version when given), its absence, or that S3 would not tell. */
    public Presence look(String key, String versionId) {
        try {
            HeadObjectResponse head = s3.headObject(h -> {
                h.bucket(bucket).key(key);
                if (versionId != null) {
                    h.versionId(versionId);
                }
            });
            return new Presence.Present(new StoredObject(head.contentLength(), head.contentType(), head.eTag(), head.versionId()));
        } catch (NoSuchKeyException e) {
            return new Presence.Absent();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return new Presence.Absent();
            }
            if (e.statusCode() == 403) {
                return new Presence.Unknown("S3 answered 403 to HeadObject of " + key
                        + " (a missing key, to a caller without s3:ListBucket; or access denied)");
            }
            throw e;
        }
    }

    /** Removes one version for good (a rejected upload). */
    public void deleteVersion(String key, String versionId) {
        s3.deleteObject(d -> {
            d.bucket(bucket).key(key);
            if (versionId != null) {
                d.versionId(versionId);
            }
        });
    }

    /**
     * Deletes the objects of every version of a document, in one request: versioning keeps the bytes
     * recoverable as noncurrent versions (the bucket's lifecycle removes them after 90 days).
     */
    public void delete(AdminDocument document) {
        List<ObjectIdentifier> keys = document.versions().stream()
                .map(v -> ObjectIdentifier.builder().key(document.objectKey(v.id())).build()).toList();
        if (!keys.isEmpty()) {
            s3.deleteObjects(d -> d.bucket(bucket).delete(del -> del.objects(keys).quiet(true)));
        }
    }

    private static String canonical(String header) {
        StringBuilder out = new StringBuilder();
        for (String part : List.of(header.split("-"))) {
            if (!out.isEmpty()) {
                out.append('-');
            }
            out.append(part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1).toLowerCase());
        }
        return out.toString();
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }
}
