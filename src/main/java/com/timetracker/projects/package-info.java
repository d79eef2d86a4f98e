/**
 * Projects: projects of a team and their tasks; archiving instead of deleting anything that has
 * tracked time.
 */
package com.timetracker.projects;
