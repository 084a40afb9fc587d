-- A round writes tens of thousands of members at once, and a foreign-key check per row (a locking lookup in
-- trio_group and trio_round) cost more than the whole COPY. Members are written only by the round and its repairs,
-- in the same transaction as their groups, so the keys are kept by the code that writes them.
alter table trio_member drop constraint trio_member_group_id_fkey;
alter table trio_member drop constraint trio_member_round_id_fkey;
