-- Accounts for the portal and the REST API. Passwords are stored as Spring Security's delegating hashes
-- ({bcrypt}...); API tokens only as the SHA-256 of the token, so a copy of the database gives no usable token.
create table app_user (
    id            bigserial primary key,
    username      text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    password_hash text not null,
    role          text not null check (role in ('viewer', 'researcher', 'admin')),
    enabled       boolean not null default true,
    created_at    timestamptz not null default now()
);

create table api_token (
    id           bigserial primary key,
    user_id      bigint not null references app_user (id) on delete cascade,
    name         text not null,
    token_hash   text not null unique,
    prefix       text not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index api_token_by_user on api_token (user_id);
