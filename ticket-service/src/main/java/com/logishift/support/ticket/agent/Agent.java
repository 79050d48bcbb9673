package com.logishift.support.ticket.agent;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * ticket-service's own view of an agent, built from support.account-events: who exists, who is
 * approved (may receive tickets) and since when.
 */
@Entity
@Table(name = "agent")
public class Agent extends PanacheEntityBase {

    public enum Status { PENDING, APPROVED, REJECTED, DEACTIVATED }

    @Id
    public UUID id;

    public String name;

    public String email;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
