-- The points mall: eligibility flags, point lots and the ledger, check-ins, the catalogue,
-- orders (with the lots each one spent), kept addresses, charity projects and donations.
-- Timestamps are Unix milliseconds; dates are 'YYYY-MM-DD' text (the day in UTC+8).

-- Real-name verification (operators verify every SIM, so new rows default to verified)
-- and overdue bills: both gate redemption.
ALTER TABLE subscribers ADD COLUMN verified INTEGER NOT NULL DEFAULT 1 CHECK (verified IN (0, 1));
ALTER TABLE subscribers ADD COLUMN in_arrears INTEGER NOT NULL DEFAULT 0 CHECK (in_arrears IN (0, 1));

-- Every earning and spending. `points` is signed.
CREATE TABLE point_ledger (
    id            INTEGER PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL CHECK (kind IN ('monthly_spending', 'tenure', 'activity_bonus',
                      'check_in', 'birthday_gift', 'holiday_double', 'adopted_suggestion',
                      'redemption', 'refund', 'expiry', 'donation')),
    points        INTEGER NOT NULL,
    occurred_at   INTEGER NOT NULL,
    occurred_on   TEXT    NOT NULL,
    title_zh      TEXT    NOT NULL,
    title_en      TEXT    NOT NULL,
    expires_on    TEXT,
    order_id      INTEGER,
    donation_id   INTEGER
);
CREATE INDEX point_ledger_by_subscriber ON point_ledger (subscriber_id, occurred_at DESC, id DESC);
CREATE INDEX point_ledger_by_kind ON point_ledger (subscriber_id, kind, occurred_at DESC, id DESC);

-- Points earned together: what is left of them and the last day they count. `expired` is
-- set once an `expiry` ledger entry has recorded what was left on the expiry date.
CREATE TABLE point_lots (
    id            INTEGER PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    ledger_id     INTEGER REFERENCES point_ledger (id),
    amount        INTEGER NOT NULL CHECK (amount > 0),
    remaining     INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= amount),
    expires_on    TEXT    NOT NULL,
    expired       INTEGER NOT NULL DEFAULT 0 CHECK (expired IN (0, 1))
);
CREATE INDEX point_lots_by_subscriber ON point_lots (subscriber_id, expired, expires_on, id);

-- One row per day checked in.
CREATE TABLE check_ins (
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    day           TEXT    NOT NULL,
    streak        INTEGER NOT NULL CHECK (streak >= 1),
    reward        INTEGER NOT NULL CHECK (reward >= 0),
    PRIMARY KEY (subscriber_id, day)
) WITHOUT ROWID;

CREATE TABLE mall_items (
    id                 INTEGER PRIMARY KEY,
    sku                TEXT    NOT NULL UNIQUE,
    category           TEXT    NOT NULL CHECK (category IN ('phone_credit', 'data', 'membership',
                           'physical', 'rural', 'charity')),
    name_zh            TEXT    NOT NULL,
    name_en            TEXT    NOT NULL,
    description_zh     TEXT    NOT NULL,
    description_en     TEXT    NOT NULL,
    points             INTEGER NOT NULL CHECK (points > 0),
    cash_fen           INTEGER NOT NULL DEFAULT 0 CHECK (cash_fen >= 0),
    stock              INTEGER CHECK (stock IS NULL OR stock >= 0),
    per_customer_limit INTEGER NOT NULL CHECK (per_customer_limit >= 1),
    min_star_level     INTEGER NOT NULL DEFAULT 1 CHECK (min_star_level BETWEEN 1 AND 7),
    starts_at          INTEGER,
    ends_at            INTEGER,
    flash              INTEGER NOT NULL DEFAULT 0 CHECK (flash IN (0, 1)),
    delivery           TEXT    NOT NULL CHECK (delivery IN ('instant', 'physical')),
    created_at         INTEGER NOT NULL,
    redemption_count   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mall_items_by_category ON mall_items (category);

CREATE TABLE mall_orders (
    id              INTEGER PRIMARY KEY,
    subscriber_id   INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    item_id         INTEGER NOT NULL REFERENCES mall_items (id),
    quantity        INTEGER NOT NULL CHECK (quantity >= 1),
    points_list     INTEGER NOT NULL,
    discount_points INTEGER NOT NULL DEFAULT 0,
    points_paid     INTEGER NOT NULL CHECK (points_paid >= 0),
    cash_fen        INTEGER NOT NULL DEFAULT 0,
    status          TEXT    NOT NULL CHECK (status IN ('completed', 'awaiting_shipment', 'shipped',
                        'delivered', 'cancelled')),
    tracking_number TEXT,
    ship_name       TEXT,
    ship_phone      TEXT,
    ship_region     TEXT,
    ship_detail     TEXT,
    idempotency_key TEXT    NOT NULL,
    fingerprint     TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    shipped_at      INTEGER,
    delivered_at    INTEGER,
    cancelled_at    INTEGER,
    UNIQUE (subscriber_id, idempotency_key)
);
CREATE INDEX mall_orders_by_subscriber ON mall_orders (subscriber_id, created_at DESC, id DESC);
CREATE INDEX mall_orders_by_item ON mall_orders (item_id, subscriber_id);

-- Which lots an order's points came from (a refund puts them back).
CREATE TABLE mall_order_lots (
    order_id INTEGER NOT NULL REFERENCES mall_orders (id) ON DELETE CASCADE,
    lot_id   INTEGER NOT NULL REFERENCES point_lots (id),
    points   INTEGER NOT NULL CHECK (points > 0),
    PRIMARY KEY (order_id, lot_id)
) WITHOUT ROWID;

CREATE TABLE delivery_addresses (
    subscriber_id INTEGER PRIMARY KEY REFERENCES subscribers (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    phone         TEXT    NOT NULL,
    region        TEXT    NOT NULL,
    detail        TEXT    NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE charity_projects (
    id             INTEGER PRIMARY KEY,
    slug           TEXT    NOT NULL UNIQUE,
    name_zh        TEXT    NOT NULL,
    name_en        TEXT    NOT NULL,
    description_zh TEXT    NOT NULL,
    description_en TEXT    NOT NULL,
    -- Points and donors from before this backend (demo data), added to the live totals.
    base_points    INTEGER NOT NULL DEFAULT 0,
    base_donors    INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL
);

CREATE TABLE donations (
    id              INTEGER PRIMARY KEY,
    subscriber_id   INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    project_id      INTEGER NOT NULL REFERENCES charity_projects (id),
    points          INTEGER NOT NULL CHECK (points > 0),
    idempotency_key TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    UNIQUE (subscriber_id, idempotency_key)
);
CREATE INDEX donations_by_project ON donations (project_id, subscriber_id);

-- Demo subscribers whose points history has been seeded (so a later start adds nothing).
CREATE TABLE mall_seeded (
    subscriber_id INTEGER PRIMARY KEY REFERENCES subscribers (id) ON DELETE CASCADE,
    seeded_on     TEXT    NOT NULL
);
