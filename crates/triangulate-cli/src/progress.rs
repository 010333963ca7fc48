//! A spinner on standard error naming the current stage. It appears only when the run lasts
//! longer than a second, standard error is a terminal and `--quiet` is off, so short runs,
//! pipes and logs stay clean.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Shown after this long.
const DELAY: Duration = Duration::from_secs(1);

/// The stage spinner. Hidden until [`DELAY`] has passed.
pub struct Progress {
    bar: ProgressBar,
    /// Set once the run is over; guards the late switch to visible.
    done: Arc<Mutex<bool>>,
}

impl Progress {
    /// Starts the clock; the spinner stays hidden for `quiet` runs and non-terminals.
    pub fn start(quiet: bool) -> Self {
        let bar = ProgressBar::hidden();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        let done = Arc::new(Mutex::new(false));
        if !quiet && std::io::stderr().is_terminal() {
            let (bar, done) = (bar.clone(), Arc::clone(&done));
            std::thread::spawn(move || {
                std::thread::sleep(DELAY);
                let done = done.lock().unwrap_or_else(|e| e.into_inner());
                if !*done {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(120));
                }
            });
        }
        Progress { bar, done }
    }

    /// Names the stage now running.
    pub fn stage(&self, message: &str) {
        self.bar.set_message(message.to_string());
    }

    /// Prints a line on standard error without tearing the spinner.
    pub fn println(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Removes the spinner for good.
    pub fn finish(&self) {
        let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
        *done = true;
        self.bar.finish_and_clear();
    }
}
