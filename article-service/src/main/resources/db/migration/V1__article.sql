create sequence article_seq start with 1 increment by 50;

create table article (
    id           bigint primary key,
    slug         varchar(200) not null unique,
    title        varchar(500) not null,
    published_at timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint not null
);
