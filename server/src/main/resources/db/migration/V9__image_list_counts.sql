-- The image list shows per image its open suggestions (ImageRepository.page counts them with a
-- subquery per listed image); without this index PostgreSQL would scan every suggestion for each.
CREATE INDEX suggestions_by_image ON suggestions (image_id, state);
