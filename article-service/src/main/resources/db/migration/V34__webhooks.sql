-- Webhooks. The change log (article_change, V20/V33) is the outbox: a change with a public_event
-- exists once its transaction commits, in commit order. A fan-out step turns each such change
-- into one delivery per subscribed endpoint, advancing webhook_cursor in the same transaction, so
-- no change is skipped or fanned out twice whatever crashes. Deliveries are claimed with
-- FOR UPDATE SKIP LOCKED and a lease, so with several replicas each attempt is made by one.
create table webhook_endpoint (
    id                    bigserial primary key,
    url                   varchar(2000) not null,
    -- comma-separated event names
    events                varchar(200) not null,
    description           varchar(500),
    enabled               boolean not null,
    secret                varchar(100) not null,
    -- after a rotation the old secret signs too, until previous_secret_until
    previous_secret       varchar(100),
    previous_secret_until timestamp with time zone,
    -- the change-log position when it was registered: it gets the changes after it
    from_seq              bigint not null,
    created_at            timestamp with time zone not null
);

-- The last change-log number fanned out; its row lock makes one replica at a time fan out.
create table webhook_cursor (
    id       integer primary key,
    last_seq bigint not null
);
insert into webhook_cursor (id, last_seq) select 1, last_seq from article_change_counter where id = 1;

create table webhook_delivery (
    id              bigserial primary key,
    endpoint_id     bigint not null references webhook_endpoint (id) on delete cascade,
    change_seq      bigint not null,
    article_id      bigint not null,
    event_type      varchar(40) not null,
    -- the exact body sent on every attempt (each attempt is signed afresh over it)
    payload         text not null,
    -- pending, delivered, failed (retries exhausted) or gone (the receiver answered 410)
    state           varchar(12) not null,
    attempts        integer not null default 0,
    next_attempt_at timestamp with time zone not null,
    -- while an attempt is in flight; a replica that dies mid-attempt leaves it to expire
    lease_until     timestamp with time zone,
    created_at      timestamp with time zone not null,
    unique (endpoint_id, change_seq)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at, id) where state = 'pending';
-- one article's events reach an endpoint in order: only its oldest pending delivery is due
create index webhook_delivery_article on webhook_delivery (endpoint_id, article_id, id) where state = 'pending';

create table webhook_attempt (
    id            bigserial primary key,
    delivery_id   bigint not null references webhook_delivery (id) on delete cascade,
    attempted_at  timestamp with time zone not null,
    status_code   integer,
    error         varchar(500),
    next_retry_at timestamp with time zone
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
