//! A pseudo-terminal harness: runs the real binary in a PTY, feeds it keys, and reads
//! the screen back through a vt100 emulator. Output is drained on a thread; checks poll
//! the screen until they hold or time out.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(15);

pub struct Session {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    /// Every byte the program wrote, for checks on raw escape sequences.
    pub raw: Vec<u8>,
    /// The session's own state directory, so no test reads or writes the user's
    /// reading positions, and no test sees another's.
    state: std::path::PathBuf,
}

/// A directory of the tests' own, unique to this call.
pub fn scratch_dir(what: &str) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    std::env::temp_dir().join(format!("communique-test-{what}-{}-{n}", std::process::id()))
}

impl Session {
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::spawn_with(args, cols, rows, &[], None)
    }

    /// Spawns `communique args` with extra environment, and optionally a shell
    /// command line instead (`sh -c`), for pipes into the reader.
    pub fn spawn_with(
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        shell: Option<&str>,
    ) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = match shell {
            Some(line) => {
                let mut c = CommandBuilder::new("sh");
                c.arg("-c");
                c.arg(line);
                c
            }
            None => {
                let mut c = CommandBuilder::new(env!("CARGO_BIN_EXE_communique"));
                c.args(args);
                c
            }
        };
        cmd.env("TERM", "xterm-256color");
        // The tests' own settings, never the user's.
        cmd.env("COMMUNIQUE_CONFIG", "/nonexistent/communique/config.toml");
        cmd.env_remove("NO_COLOR");
        let state = scratch_dir("state");
        cmd.env("XDG_STATE_HOME", &state);
        cmd.env("XDG_CACHE_HOME", state.join("cache"));
        cmd.env("COMMUNIQUE_BIN", env!("CARGO_BIN_EXE_communique"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(std::env::temp_dir());
        let child = pair.slave.spawn_command(cmd).expect("spawn communique");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    // A signal to this test process (other tests reap their children)
                    // interrupts the read; stopping here would leave the program
                    // blocked writing to a full terminal.
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Session {
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            output,
            writer,
            master: pair.master,
            child,
            raw: Vec::new(),
            state,
        }
    }

    fn drain(&mut self, wait: Duration) -> bool {
        let mut got = false;
        if let Ok(chunk) = self.output.recv_timeout(wait) {
            self.take(chunk);
            got = true;
        }
        while let Ok(chunk) = self.output.try_recv() {
            self.take(chunk);
            got = true;
        }
        got
    }

    fn take(&mut self, chunk: Vec<u8>) {
        self.parser.process(&chunk);
        self.raw.extend_from_slice(&chunk);
    }

    pub fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    pub fn contents(&self) -> String {
        self.screen().contents()
    }

    /// Waits until `check` holds on the screen.
    pub fn wait_for(&mut self, what: &str, check: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if check(self.screen()) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{}",
                self.contents()
            );
            self.drain(Duration::from_millis(50));
        }
    }

    pub fn wait_for_text(&mut self, text: &str) {
        let wanted = text.to_string();
        self.wait_for(&format!("{text:?}"), move |s| {
            s.contents().contains(&wanted)
        });
    }

    /// Waits until the output has been quiet for `quiet`, so the screen is settled.
    pub fn settle(&mut self, quiet: Duration) {
        let deadline = Instant::now() + TIMEOUT;
        while self.drain(quiet) && Instant::now() < deadline {}
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        self.parser.set_size(nonzero(rows), nonzero(cols));
    }

    /// Tells the program the window is `cols` x `rows` without making the emulated
    /// screen that big (for sizes no emulator should allocate).
    #[allow(dead_code)]
    pub fn resize_pty_only(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
    }

    /// Waits for the program to exit, reading what it writes meanwhile.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for child") {
                self.settle(Duration::from_millis(100));
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the program did not exit; screen:\n{}",
                self.contents()
            );
            self.drain(Duration::from_millis(20));
        }
    }

    /// Closes the terminal, as closing a terminal window does.
    pub fn hang_up(&mut self) {
        let (_, dead) = std::sync::mpsc::channel();
        self.output = dead;
        self.writer = Box::new(std::io::sink());
        let pty = native_pty_system();
        let spare = pty
            .openpty(PtySize {
                rows: 1,
                cols: 1,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("spare pty");
        // Replacing the master drops the old one, which hangs the terminal up.
        self.master = spare.master;
    }

    /// Sends a signal to the program with kill(1).
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(status.success());
    }

    /// The program's scheduler state from /proc: 'R', 'S', 'T' (stopped) …
    pub fn state(&self) -> char {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).expect("read /proc stat");
        let rest = &stat[stat.rfind(')').expect("stat format") + 2..];
        rest.chars().next().expect("state field")
    }

    /// Waits until the program has stopped itself (after SIGTSTP it restores the
    /// terminal first, then stops: a SIGCONT sent between the two would be lost).
    pub fn wait_until_stopped(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        while self.state() != 'T' {
            assert!(Instant::now() < deadline, "the program never stopped");
            self.drain(Duration::from_millis(20));
        }
    }

    /// CPU time the program has used so far, in clock ticks (utime + stime).
    pub fn cpu_ticks(&self) -> u64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).expect("read /proc stat");
        // Fields after the command name (which may contain spaces) start after ')'.
        let rest = &stat[stat.rfind(')').expect("stat format") + 2..];
        let fields: Vec<&str> = rest.split_whitespace().collect();
        fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
    }

    /// Waits for the program to exit without reading its output (after a hang-up).
    pub fn wait_exit_quietly(&mut self) -> Option<ExitStatus> {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("wait for child") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// What the process is doing, for failure messages: its state and where it waits,
    /// per thread.
    pub fn process_state(&self) -> String {
        let pid = self.pid();
        let tasks = std::fs::read_dir(format!("/proc/{pid}/task"))
            .map(|d| d.flatten().collect::<Vec<_>>())
            .unwrap_or_default();
        let mut out = Vec::new();
        for task in tasks {
            let dir = task.path();
            let state = std::fs::read_to_string(dir.join("status"))
                .ok()
                .and_then(|s| {
                    s.lines()
                        .find(|l| l.starts_with("State:"))
                        .map(str::to_string)
                })
                .unwrap_or_default();
            let wchan = std::fs::read_to_string(dir.join("wchan")).unwrap_or_default();
            out.push(format!(
                "{}: {state} wchan={wchan}",
                task.file_name().to_string_lossy()
            ));
        }
        out.join("; ")
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// The row of the screen that contains `text`, if any.
    pub fn row_with(&self, text: &str) -> Option<u16> {
        let (rows, cols) = self.screen().size();
        let (rows, cols) = (rows.get(), cols.get());
        (0..rows).find(|&r| self.screen().contents_between(r, 0, r, cols).contains(text))
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).expect("at least 1")
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = std::fs::remove_dir_all(&self.state);
    }
}

/// Whether the terminal is back to normal: main screen, cursor shown, no mouse capture.
pub fn restored(screen: &vt100::Screen) -> bool {
    !screen.alternate_screen()
        && !screen.hide_cursor()
        && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
}

/// A drawn buffer's text, row by row, without trailing spaces.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
