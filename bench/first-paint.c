/* first-paint.c — how long a program takes to show its first painted window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   first-paint [--timeout S] [--settle MS] -- COMMAND [ARGS…]
 *
 * Starts COMMAND, and waits until a top-level window it maps holds more
 * than one colour: the first frame has reached the screen. The times are
 * the X server's own (the timestamps of its events), from just before the
 * program is started, so a probe that is scheduled late on a busy machine
 * does not add to them. Prints one line of JSON:
 *
 *   {"paint_ms":…, "settled_ms":…, "rss_kib":…, "hwm_kib":…, "cpu_ms":…}
 *
 * rss_kib, hwm_kib and cpu_ms are the program's resident memory, peak
 * resident memory and CPU time read from /proc when the painted frame was
 * seen. settled_ms (with --settle) is the last change of the window before
 * MS of quiet: when what the program shows after its first frame is there.
 * The program and anything it started are then ended.
 *
 * It needs an X server without a window manager (a bare Xvfb), where a
 * program's top-level windows are children of the root window. With
 * FIRST_PAINT_DEBUG set, it says on standard error which windows it looked
 * at and what it saw.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

#define MAX_WINDOWS 64

typedef struct
{
  Window window;
  Damage damage;
  int    mapped;
} Watched;

static Watched watched[MAX_WINDOWS];
static int n_watched;

static int
ignore_x_error (Display     *dpy,
                XErrorEvent *event)
{
  /* a window may go away between its event and our request */
  return 0;
}

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The server's time now, from the timestamp of a property change. */
static Time
server_time (Display *dpy,
             Window   stamp)
{
  XEvent ev;
  Atom atom = XInternAtom (dpy, "_FIRST_PAINT_STAMP", False);

  XChangeProperty (dpy, stamp, atom, XA_STRING, 8, PropModeReplace, (unsigned char *) "", 0);
  XWindowEvent (dpy, stamp, PropertyChangeMask, &ev);
  return ev.xproperty.time;
}

static Watched *
find_watched (Window w)
{
  for (int i = 0; i < n_watched; i++)
    if (watched[i].window == w)
      return &watched[i];
  return NULL;
}

/* Whether the window shows more than one colour. */
static int
painted (Display *dpy,
         Window   w)
{
  XWindowAttributes attrs;
  XImage *image;
  unsigned long first, mask;
  int varied = 0;

  if (!XGetWindowAttributes (dpy, w, &attrs) || attrs.map_state != IsViewable)
    return 0;
  image = XGetImage (dpy, w, 0, 0, attrs.width, attrs.height, AllPlanes, ZPixmap);
  if (image == NULL)
    return 0;
  mask = attrs.depth >= 32 ? 0xffffffffUL : (1UL << attrs.depth) - 1;
  first = XGetPixel (image, 0, 0) & mask;
  /* every fourth row and column: a frame of a toolkit is never that fine */
  for (int y = 0; y < attrs.height && !varied; y += 4)
    for (int x = 0; x < attrs.width; x += 4)
      if ((XGetPixel (image, x, y) & mask) != first)
        {
          varied = 1;
          break;
        }
  XDestroyImage (image);
  if (getenv ("FIRST_PAINT_DEBUG"))
    fprintf (stderr, "first-paint: window 0x%lx %dx%d at %d,%d: %s\n", w, attrs.width, attrs.height,
             attrs.x, attrs.y, varied ? "painted" : "one colour");
  return varied;
}

static long
proc_status_kib (pid_t       pid,
                 const char *key)
{
  char path[64], line[256];
  FILE *f;
  long value = -1;
  size_t len = strlen (key);

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  if ((f = fopen (path, "r")) == NULL)
    return -1;
  while (fgets (line, sizeof line, f) != NULL)
    if (strncmp (line, key, len) == 0 && line[len] == ':')
      {
        value = strtol (line + len + 1, NULL, 10);
        break;
      }
  fclose (f);
  return value;
}

static double
proc_cpu_ms (pid_t pid)
{
  char path[64], buf[1024], *p;
  unsigned long utime, stime;
  FILE *f;
  size_t n;

  snprintf (path, sizeof path, "/proc/%d/stat", (int) pid);
  if ((f = fopen (path, "r")) == NULL)
    return -1;
  n = fread (buf, 1, sizeof buf - 1, f);
  fclose (f);
  buf[n] = '\0';
  /* the command name may hold spaces: fields are counted from its ')' */
  if ((p = strrchr (buf, ')')) == NULL ||
      sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
    return -1;
  return (utime + stime) * 1e3 / sysconf (_SC_CLK_TCK);
}

static void
end_program (pid_t pid)
{
  int status;

  kill (-pid, SIGTERM);
  for (int i = 0; i < 200; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        goto gone;
      usleep (10000);
    }
  kill (-pid, SIGKILL);
  waitpid (pid, &status, 0);
gone:
  /* what the program started in its process group */
  kill (-pid, SIGKILL);
}

static void
usage (void)
{
  fprintf (stderr, "usage: first-paint [--timeout S] [--settle MS] -- COMMAND [ARGS…]\n");
  exit (2);
}

int
main (int   argc,
      char *argv[])
{
  double timeout_s = 30, settle_ms = 0;
  Display *dpy;
  Window root, stamp;
  int damage_event, damage_error, argi = 1;
  Time t0, t_paint = 0, t_last = 0;
  long rss = -1, hwm = -1;
  double cpu = -1, deadline, quiet_since = 0;
  int fresh = 0;
  pid_t pid;

  for (; argi < argc; argi++)
    {
      if (strcmp (argv[argi], "--") == 0)
        {
          argi++;
          break;
        }
      else if (strcmp (argv[argi], "--timeout") == 0 && argi + 1 < argc)
        timeout_s = atof (argv[++argi]);
      else if (strcmp (argv[argi], "--settle") == 0 && argi + 1 < argc)
        settle_ms = atof (argv[++argi]);
      else
        usage ();
    }
  if (argi >= argc)
    usage ();

  if ((dpy = XOpenDisplay (NULL)) == NULL)
    {
      fprintf (stderr, "first-paint: cannot open the display “%s”\n", getenv ("DISPLAY") ? getenv ("DISPLAY") : "");
      return 1;
    }
  if (!XDamageQueryExtension (dpy, &damage_event, &damage_error))
    {
      fprintf (stderr, "first-paint: the X server has no DAMAGE extension\n");
      return 1;
    }
  XSetErrorHandler (ignore_x_error);
  root = DefaultRootWindow (dpy);
  XSelectInput (dpy, root, SubstructureNotifyMask);
  stamp = XCreateSimpleWindow (dpy, root, -10, -10, 1, 1, 0, 0, 0);
  XSelectInput (dpy, stamp, PropertyChangeMask);
  t0 = server_time (dpy, stamp);

  if ((pid = fork ()) < 0)
    {
      perror ("first-paint: fork");
      return 1;
    }
  if (pid == 0)
    {
      /* its own process group, so that all it starts can be ended */
      setpgid (0, 0);
      close (ConnectionNumber (dpy));
      execvp (argv[argi], argv + argi);
      fprintf (stderr, "first-paint: cannot run “%s”: %s\n", argv[argi], strerror (errno));
      _exit (127);
    }
  setpgid (pid, pid);

  deadline = now_ms () + timeout_s * 1e3;
  for (;;)
    {
      struct pollfd pfd = { ConnectionNumber (dpy), POLLIN, 0 };
      int status;

      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          fprintf (stderr, "first-paint: “%s” ended before it painted a window\n", argv[argi]);
          return 1;
        }
      if (now_ms () > deadline)
        break;
      if (t_paint != 0 && (settle_ms <= 0 || (quiet_since > 0 && now_ms () - quiet_since >= settle_ms)))
        break;

      if (XPending (dpy) == 0)
        {
          poll (&pfd, 1, 5);
          if (XPending (dpy) == 0)
            continue;
        }

      while (XPending (dpy) > 0)
        {
          XEvent ev;

          XNextEvent (dpy, &ev);
          if (ev.type == CreateNotify && ev.xcreatewindow.parent == root &&
              !ev.xcreatewindow.override_redirect && n_watched < MAX_WINDOWS && ev.xcreatewindow.window != stamp)
            {
              Watched *w = &watched[n_watched++];
              w->window = ev.xcreatewindow.window;
              w->damage = XDamageCreate (dpy, w->window, XDamageReportNonEmpty);
              w->mapped = 0;
            }
          else if (ev.type == MapNotify && !ev.xmap.override_redirect)
            {
              Watched *w = find_watched (ev.xmap.window);
              if (w != NULL)
                w->mapped = 1;
            }
          else if (ev.type == damage_event + XDamageNotify)
            {
              XDamageNotifyEvent *de = (XDamageNotifyEvent *) &ev;
              Watched *w = find_watched (de->drawable);

              XDamageSubtract (dpy, de->damage, None, None);
              if (w == NULL || !w->mapped)
                continue;
              t_last = de->timestamp;
              quiet_since = now_ms ();
              fresh = 1;
            }
        }

      /* Tested once the queue is empty: damage already queued would be
       * in the image, so the time taken is that of the last one read. */
      if (t_paint == 0 && fresh)
        for (int i = 0; i < n_watched; i++)
          if (watched[i].mapped && painted (dpy, watched[i].window))
            {
              t_paint = t_last;
              rss = proc_status_kib (pid, "VmRSS");
              hwm = proc_status_kib (pid, "VmHWM");
              cpu = proc_cpu_ms (pid);
              break;
            }
      fresh = 0;
    }

  end_program (pid);
  if (t_paint == 0)
    {
      fprintf (stderr, "first-paint: no painted window within %g s\n", timeout_s);
      return 1;
    }
  printf ("{\"paint_ms\": %lu, \"settled_ms\": %lu, \"rss_kib\": %ld, \"hwm_kib\": %ld, \"cpu_ms\": %.0f}\n",
          (unsigned long) (t_paint - t0), (unsigned long) (t_last - t0), rss, hwm, cpu);
  return 0;
}
