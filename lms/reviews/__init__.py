"""Hub managers' reviews of learners' scenario answers."""
