-- Version 2: where each respondent left off in the questionnaire, so that the app resumes
-- exactly there.
ALTER TABLE respondent ADD COLUMN resume_question TEXT;
