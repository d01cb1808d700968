# nbgrader settings of every user pod (/etc/jupyter/nbgrader_config.py in the image):
# students fetch and submit through the exchange on the shared volume (deploy/k8s/).
# The grader service reads this file too, then its course folder's own nbgrader_config.py
# (the project's grading/nbgrader_config.py), which sets the same course id.
c = get_config()

c.CourseDirectory.course_id = "esn-teach"
c.Exchange.root = "/srv/nbgrader/exchange"
