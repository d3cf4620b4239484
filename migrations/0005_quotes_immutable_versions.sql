-- A quote version is frozen once sent: its content, price and FX snapshot never change,
-- and an accepted version stays accepted. Status moves (sent → viewed → accepted / superseded) are allowed.
CREATE TRIGGER quote_versions_frozen BEFORE UPDATE ON quote_versions
WHEN OLD.status <> 'draft' AND (
  NEW.lines IS NOT OLD.lines OR NEW.currency IS NOT OLD.currency OR NEW.fx IS NOT OLD.fx
  OR NEW.subtotal_minor IS NOT OLD.subtotal_minor OR NEW.discount_minor IS NOT OLD.discount_minor
  OR NEW.tax_minor IS NOT OLD.tax_minor OR NEW.total_minor IS NOT OLD.total_minor
  OR NEW.total_inr_minor IS NOT OLD.total_inr_minor OR NEW.valid_until IS NOT OLD.valid_until
  OR NEW.notes IS NOT OLD.notes OR NEW.terms IS NOT OLD.terms OR NEW.version IS NOT OLD.version
  OR NEW.quote_id IS NOT OLD.quote_id OR NEW.is_change_order IS NOT OLD.is_change_order
  OR NEW.sent_at IS NOT OLD.sent_at
)
BEGIN SELECT RAISE(ABORT, 'a sent quote version is frozen: create a new version to change it'); END;
--> statement-breakpoint
CREATE TRIGGER quote_versions_accepted_final BEFORE UPDATE ON quote_versions
WHEN OLD.status = 'accepted' AND (NEW.status IS NOT OLD.status OR NEW.acceptance IS NOT OLD.acceptance OR NEW.accepted_at IS NOT OLD.accepted_at)
BEGIN SELECT RAISE(ABORT, 'an accepted quote version never changes: create a change order'); END;
--> statement-breakpoint
CREATE TRIGGER quote_versions_no_delete_sent BEFORE DELETE ON quote_versions
WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'a sent quote version cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER quote_version_details_frozen BEFORE UPDATE ON quote_version_details
WHEN (SELECT status FROM quote_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'a sent quote version is frozen: create a new version to change it'); END;
--> statement-breakpoint
CREATE TRIGGER quote_version_details_no_delete BEFORE DELETE ON quote_version_details
WHEN (SELECT status FROM quote_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'a sent quote version cannot be deleted'); END;
