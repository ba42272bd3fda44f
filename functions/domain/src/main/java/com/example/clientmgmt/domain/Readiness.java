package com.example.clientmgmt.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Bid readiness (SPEC v3): each requirement of a project evaluated on the day it is needed. A project is {@code ready}
 * when every requirement with a date is {@link Status#SATISFIED}; one whose date the project does not have yet
 * ({@link Status#NO_DATE}) waits for it and does not count.
 */
public record Readiness(boolean ready, List<Item> items) {

    public enum Status {
        /** A document of its kind, held (checked upload) and valid on the day: {@code marginDays} of validity left then. */
        SATISFIED,
        /** No document of its kind with a file. */
        MISSING,
        /** The best document of its kind expires before the day. */
        EXPIRES_BEFORE,
        /** A document of its kind would do, but its newest file is still being uploaded. */
        PENDING_UPLOAD,
        /** A Revenu Québec attestation issued after the day it is needed by (the submission deadline): useless for the bid. */
        ISSUED_TOO_LATE,
        /** The project has no such date yet (no submission deadline, start or end). */
        NO_DATE
    }

    /** One requirement on its day {@code at}: its status, the document that decided it, and the margin when satisfied. */
    public record Item(Requirement requirement, LocalDate at, Status status, AdminDocument document, Long marginDays) {}

    public Readiness {
        items = List.copyOf(items);
    }

    /** The readiness of a project with {@code info}, its {@code requirements} and {@code documents}, at {@code now}. */
    public static Readiness of(List<Requirement> requirements, AdminInfo info, List<AdminDocument> documents, Instant now) {
        List<Item> items = requirements.stream().map(r -> evaluate(r, r.dueIn(info), documents, now)).toList();
        boolean ready = items.stream().filter(i -> i.status() != Status.NO_DATE).allMatch(i -> i.status() == Status.SATISFIED);
        return new Readiness(ready, items);
    }

    /** How each kind of outcome ranks: the best document of the kind decides the requirement. */
    private static final List<Status> BEST_FIRST = List.of(Status.SATISFIED, Status.PENDING_UPLOAD, Status.EXPIRES_BEFORE,
            Status.ISSUED_TOO_LATE);

    static Item evaluate(Requirement requirement, LocalDate at, List<AdminDocument> documents, Instant now) {
        if (at == null) {
            return new Item(requirement, null, Status.NO_DATE, null, null);
        }
        Optional<Item> best = documents.stream().filter(d -> d.kind() == requirement.kind())
                .map(d -> candidate(requirement, at, d, now)).flatMap(Optional::stream)
                .min(Comparator.comparingInt((Item i) -> BEST_FIRST.indexOf(i.status()))
                        .thenComparing(i -> i.document().expiresOn() == null ? LocalDate.MAX : i.document().expiresOn(),
                                Comparator.reverseOrder()));
        return best.orElse(new Item(requirement, at, Status.MISSING, null, null));
    }

    /** What {@code d} makes of the requirement on {@code at}; empty: it has no file (none uploaded, or all refused). */
    private static Optional<Item> candidate(Requirement requirement, LocalDate at, AdminDocument d, Instant now) {
        boolean pending = !d.versions().isEmpty() && d.versions().get(0).statusAt(now) == FileVersion.Status.PENDING_UPLOAD;
        if (!pending && d.current().isEmpty()) {
            return Optional.empty();
        }
        Status status;
        if (d.kind() == DocumentKind.REVENU_QUEBEC_ATTESTATION && d.issuedOn() != null
                && !RevenuQuebecAttestation.issuedInTime(d.issuedOn(), at)) {
            status = Status.ISSUED_TOO_LATE;
        } else if (d.expiresOn() != null && d.expiresOn().isBefore(at)) {
            status = Status.EXPIRES_BEFORE;
        } else if (pending) {
            status = Status.PENDING_UPLOAD;
        } else {
            status = Status.SATISFIED;
        }
        Long margin = status == Status.SATISFIED && d.expiresOn() != null ? ChronoUnit.DAYS.between(at, d.expiresOn()) : null;
        return Optional.of(new Item(requirement, at, status, d, margin));
    }
}
