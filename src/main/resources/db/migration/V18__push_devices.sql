-- Mobile push: the phones and tablets a reader's app registered, by the token its platform's push
-- service (FCM for Android, APNs for iOS) gave the app. A token belongs to one installation, so a
-- token registered again moves to the reader who registered it last.

create table push_device (
    id         uuid        primary key,
    user_id    uuid        not null,
    platform   text        not null check (platform in ('fcm', 'apns')),
    token      text        not null,
    created_at timestamptz not null,
    unique (platform, token)
);
create index push_device_user on push_device (user_id);
