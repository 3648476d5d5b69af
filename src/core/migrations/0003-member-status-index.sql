-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 3: an index on a program's members by status.
--
-- The recognition board, "Ready to award", the health guards and the roster all start from a
-- program's ambassadors. Through member_program alone that is a walk over every member of the
-- program (100,000 in a large community) for a thousand ambassadors, once per query; with this
-- index it is the thousand rows. No table or column changes.

CREATE INDEX member_program_status ON member (program_id, status);
