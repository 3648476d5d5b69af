-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1: exactly the tables and columns of DESIGN.md §4. Names are a contract that
-- tools outside Hearth read. Never edit this file once merged: add a new numbered migration.
--
-- Every entity table carries id, created_at, updated_at and deleted_at (a tombstone when set).
-- Dates are TEXT YYYY-MM-DD, timestamps TEXT YYYY-MM-DDTHH:MM:SS.sssZ, booleans INTEGER 0/1,
-- lists TEXT holding a JSON array of strings; "not set" is NULL, never ''.

CREATE TABLE program (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  purpose TEXT,
  description TEXT,
  active_member_count INTEGER CHECK (active_member_count IS NULL OR active_member_count >= 0),
  ratio_min INTEGER NOT NULL DEFAULT 50 CHECK (ratio_min >= 1),
  ratio_max INTEGER NOT NULL DEFAULT 100 CHECK (ratio_max >= ratio_min),
  as_of TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);

CREATE TABLE member (
  id TEXT PRIMARY KEY NOT NULL,
  program_id TEXT NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  display_name TEXT NOT NULL CHECK (display_name <> ''),
  handle TEXT,
  platform TEXT,
  external_id TEXT,
  email TEXT,
  joined_on TEXT,
  region TEXT,
  timezone TEXT,
  language TEXT,
  segment TEXT,
  identity_tags TEXT,
  is_bot INTEGER NOT NULL DEFAULT 0 CHECK (is_bot IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'member'
    CHECK (status IN ('member', 'candidate', 'invited', 'ambassador', 'paused', 'alumni', 'declined')),
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX member_program ON member (program_id, display_name);
CREATE INDEX member_external ON member (program_id, platform, external_id);

CREATE TABLE member_status_change (
  id TEXT PRIMARY KEY NOT NULL,
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  status TEXT NOT NULL
    CHECK (status IN ('member', 'candidate', 'invited', 'ambassador', 'paused', 'alumni', 'declined')),
  changed_on TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX member_status_change_member ON member_status_change (member_id);

CREATE TABLE activity (
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  kind TEXT NOT NULL
    CHECK (kind IN ('message', 'thread_started', 'reply', 'welcome', 'answer', 'reaction_received',
                    'event_attended', 'event_promoted', 'content_shared')),
  count INTEGER NOT NULL CHECK (count >= 1),
  PRIMARY KEY (member_id, day, kind)
) WITHOUT ROWID;

CREATE TABLE import_batch (
  id TEXT PRIMARY KEY NOT NULL,
  program_id TEXT NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  format TEXT NOT NULL,
  file_name TEXT,
  sha256 TEXT,
  imported_at TEXT NOT NULL,
  rows_added INTEGER NOT NULL DEFAULT 0,
  rows_ignored INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE imported_event (
  program_id TEXT NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  external_key TEXT NOT NULL,
  PRIMARY KEY (program_id, source, external_key)
) WITHOUT ROWID;

CREATE TABLE import_counter (
  program_id TEXT NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  counter TEXT NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (program_id, member_id, source, counter)
) WITHOUT ROWID;

CREATE TABLE nomination (
  id TEXT PRIMARY KEY NOT NULL,
  nominee_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  nominator_id TEXT REFERENCES member (id) ON DELETE SET NULL,
  nominator_name TEXT,
  reason TEXT,
  created_on TEXT NOT NULL,
  consent TEXT NOT NULL DEFAULT 'open' CHECK (consent IN ('open', 'accepted', 'declined')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX nomination_nominee ON nomination (nominee_id);

CREATE TABLE observation (
  id TEXT PRIMARY KEY NOT NULL,
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  trait TEXT NOT NULL
    CHECK (trait IN ('consistency', 'empathy', 'alignment', 'initiative', 'credibility')),
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  note TEXT,
  observed_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX observation_member ON observation (member_id);

CREATE TABLE role (
  id TEXT PRIMARY KEY NOT NULL,
  program_id TEXT NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  preset TEXT NOT NULL DEFAULT 'custom'
    CHECK (preset IN ('welcome_team', 'content_highlighter', 'conversation_starter',
                      'event_promoter', 'peer_support_lead', 'culture_keeper', 'custom')),
  name TEXT NOT NULL CHECK (name <> ''),
  purpose TEXT,
  description TEXT,
  toolkit TEXT,
  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  term_weeks INTEGER CHECK (term_weeks IS NULL OR term_weeks >= 1),
  review_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX role_program ON role (program_id);

CREATE TABLE role_goal (
  id TEXT PRIMARY KEY NOT NULL,
  role_id TEXT NOT NULL REFERENCES role (id) ON DELETE CASCADE,
  label TEXT NOT NULL CHECK (label <> ''),
  target_per_week INTEGER NOT NULL DEFAULT 1 CHECK (target_per_week >= 0),
  metric TEXT
    CHECK (metric IS NULL OR metric IN ('message', 'thread_started', 'reply', 'welcome', 'answer',
                                        'reaction_received', 'event_attended', 'event_promoted',
                                        'content_shared')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX role_goal_role ON role_goal (role_id);

CREATE TABLE assignment (
  id TEXT PRIMARY KEY NOT NULL,
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES role (id) ON DELETE CASCADE,
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  ended_on TEXT,
  hours_per_week REAL CHECK (hours_per_week IS NULL OR hours_per_week >= 0),
  scope TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX assignment_member ON assignment (member_id);
CREATE INDEX assignment_role ON assignment (role_id);

CREATE TABLE checkin (
  id TEXT PRIMARY KEY NOT NULL,
  assignment_id TEXT NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
  iso_week TEXT NOT NULL,
  energy INTEGER CHECK (energy IS NULL OR energy BETWEEN 1 AND 5),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  UNIQUE (assignment_id, iso_week)
);

CREATE TABLE checkin_goal (
  checkin_id TEXT NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,
  goal_id TEXT NOT NULL REFERENCES role_goal (id) ON DELETE CASCADE,
  achieved INTEGER NOT NULL DEFAULT 0 CHECK (achieved >= 0),
  PRIMARY KEY (checkin_id, goal_id)
) WITHOUT ROWID;

CREATE TABLE badge (
  id TEXT PRIMARY KEY NOT NULL,
  program_id TEXT NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (name <> ''),
  description TEXT,
  criteria TEXT,
  tier TEXT NOT NULL DEFAULT 'bronze' CHECK (tier IN ('bronze', 'silver', 'gold')),
  icon TEXT,
  color TEXT CHECK (color IS NULL OR color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  rule_kind TEXT
    CHECK (rule_kind IS NULL OR rule_kind IN ('activity', 'ambassador_weeks', 'checkins', 'tenure_years')),
  rule_metric TEXT,
  rule_threshold INTEGER,
  rule_window_days INTEGER,
  multiple_grant INTEGER NOT NULL DEFAULT 0 CHECK (multiple_grant IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX badge_program ON badge (program_id);

CREATE TABLE award (
  id TEXT PRIMARY KEY NOT NULL,
  badge_id TEXT NOT NULL REFERENCES badge (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  awarded_on TEXT NOT NULL,
  reason TEXT,
  source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'rule', 'nomination')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX award_member ON award (member_id);
CREATE INDEX award_badge ON award (badge_id);

CREATE TABLE recognition (
  id TEXT PRIMARY KEY NOT NULL,
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  kind TEXT NOT NULL
    CHECK (kind IN ('shout_out', 'spotlight', 'exclusive_access', 'perk', 'stipend', 'merch',
                    'handwritten_note', 'gift', 'other')),
  title TEXT,
  note TEXT,
  planned_on TEXT,
  done_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX recognition_member ON recognition (member_id);

CREATE TABLE feedback_round (
  id TEXT PRIMARY KEY NOT NULL,
  program_id TEXT NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (title <> ''),
  topic TEXT,
  questions TEXT,
  opens_on TEXT,
  closes_on TEXT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  audience TEXT NOT NULL DEFAULT 'all' CHECK (audience IN ('all', 'role', 'members')),
  audience_role_id TEXT REFERENCES role (id) ON DELETE SET NULL,
  outcome TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX feedback_round_program ON feedback_round (program_id);

CREATE TABLE feedback_round_member (
  round_id TEXT NOT NULL REFERENCES feedback_round (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  PRIMARY KEY (round_id, member_id)
) WITHOUT ROWID;

CREATE TABLE meeting (
  id TEXT PRIMARY KEY NOT NULL,
  program_id TEXT NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  held_on TEXT NOT NULL,
  title TEXT,
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX meeting_program ON meeting (program_id);

CREATE TABLE meeting_attendee (
  meeting_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  PRIMARY KEY (meeting_id, member_id)
) WITHOUT ROWID;

CREATE TABLE meeting_action (
  id TEXT PRIMARY KEY NOT NULL,
  meeting_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  done_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX meeting_action_meeting ON meeting_action (meeting_id);

CREATE TABLE feedback (
  id TEXT PRIMARY KEY NOT NULL,
  round_id TEXT REFERENCES feedback_round (id) ON DELETE SET NULL,
  meeting_id TEXT REFERENCES meeting (id) ON DELETE SET NULL,
  member_id TEXT REFERENCES member (id) ON DELETE CASCADE,
  received_on TEXT NOT NULL,
  channel TEXT NOT NULL DEFAULT 'other' CHECK (channel IN ('meeting', 'message', 'survey', 'other')),
  rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
  text TEXT,
  tags TEXT,
  status TEXT NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'acknowledged', 'planned', 'done', 'declined')),
  response TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX feedback_round_idx ON feedback (round_id);
CREATE INDEX feedback_member ON feedback (member_id);

CREATE TABLE health_snooze (
  id TEXT PRIMARY KEY NOT NULL,
  program_id TEXT NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  check_key TEXT NOT NULL,
  subject_id TEXT,
  until TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);

CREATE TABLE suppression (
  program_id TEXT NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  key_hash TEXT NOT NULL,
  PRIMARY KEY (program_id, key_hash)
) WITHOUT ROWID;

CREATE TABLE settings (
  program_id TEXT NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT,
  PRIMARY KEY (program_id, key)
) WITHOUT ROWID;
