;;; eglot-diagnostics.el --- Emacs (28, Debian elpa-eglot 1.9) as an LSP client of vanban.  -*- lexical-binding: t -*-
;; Opens $VANBAN_FILE in text-mode, starts the vanban server ($VANBAN_SERVER run
;; by node with --stdio) through eglot, waits for its publishDiagnostics and
;; prints what eglot received as one JSON line:
;; [{"line":L,"code":"…","severity":S,"message":"…"}, …]
(require 'eglot)
(require 'json)
(prefer-coding-system 'utf-8)
(setq eglot-server-programs `((text-mode . ("node" ,(getenv "VANBAN_SERVER") "--stdio"))))
(defvar vanban-received nil "The diagnostics of the file, once they arrived.")
(defvar vanban-arrived nil)
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (when (string-suffix-p (file-name-nondirectory (getenv "VANBAN_FILE")) uri)
    (setq vanban-received diagnostics vanban-arrived t)))
(find-file (getenv "VANBAN_FILE"))
(text-mode)
(apply #'eglot (eglot--guess-contact))
(with-timeout (60 (princ "TIMEOUT\n") (kill-emacs 1))
  (while (not vanban-arrived) (accept-process-output nil 0.1)))
(let ((coding-system-for-write 'utf-8))
  (princ (json-encode
          (mapcar (lambda (d)
                    (list (cons 'line (plist-get (plist-get (plist-get d :range) :start) :line))
                          (cons 'code (plist-get d :code))
                          (cons 'severity (plist-get d :severity))
                          (cons 'message (plist-get d :message))))
                  vanban-received)))
  (princ "\n"))
(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs 0)
