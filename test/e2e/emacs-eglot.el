;;; emacs-eglot.el --- Emacs 28 + eglot 1.9 as a real LSP client of dist/server.js -*- lexical-binding: t -*-
;; Run by test/e2e/emacs.test.ts, after README.md's Emacs block (the only configuration):
;;   WS=<copy of samples/founding-case> emacs --batch -l <README block> -l emacs-eglot.el
;; Prints one line `RESULT <json>' per step for the test to check, and `DONE' at the end.
;; --batch has no command loop and no redisplay, so after each "command" this runs what they would:
;; `post-command-hook' (eglot-ensure connects from it) and, for a buffer shown in a window,
;; `window-configuration-change-hook' (Flymake starts in a newly shown buffer from it); and it
;; waits in `accept-process-output' (timers, the server's messages), running the idle timers as
;; an idle command loop would (eglot sends a buffer's changes from one). The user's answers (which code action, "proceed?") are given by
;; binding `completing-read' and `y-or-n-p'; everything else is eglot's own code.
(require 'cl-lib)
(require 'json)
(defconst tl-ws (file-name-as-directory (getenv "WS")))
(defconst tl-code "encaplimit-transport-interop")

(defun tl-emit (step data)
  (princ (format "RESULT %s\n" (json-encode (cons (cons 'step step) data)))))

(defun tl-after-command (&optional buffer)
  (with-current-buffer (or buffer (current-buffer))
    (run-hooks 'post-command-hook)
    (when (get-buffer-window (current-buffer))
      (run-hooks 'window-configuration-change-hook))))

(defun tl-run-idle-timers ()
  (dolist (timer (copy-sequence timer-idle-list))
    (when (memq timer timer-idle-list) (timer-event-handler timer))))

(defun tl-wait (pred seconds &optional buffer)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (tl-after-command buffer)
      (accept-process-output nil 0.05)
      (tl-run-idle-timers))
    (funcall pred)))

(defun tl-open (rel)
  (let ((buf (find-file (expand-file-name rel tl-ws))))
    (tl-after-command buf)
    buf))

(defun tl-diagnostics (buffer)
  "Flymake's diagnostics in BUFFER, as (CODE LINE MESSAGE)."
  (with-current-buffer buffer
    (cl-loop for d in (flymake-diagnostics)
             for lsp = (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d)))
             collect (list (plist-get lsp :code) (line-number-at-pos (flymake-diagnostic-beg d))
                           (flymake-diagnostic-text d) (length (plist-get lsp :relatedInformation))))))

(defun tl-finding (buffer)
  (cl-find tl-code (tl-diagnostics buffer) :key #'car :test #'equal))

(defun tl-server-names (buffer)
  (with-current-buffer buffer
    (let ((s (eglot-current-server)))
      (if s (list (eglot--major-modes s) (project-root (eglot--project s))) nil))))

(condition-case err
    (let (linux cisco)
      ;; 1. diagnostics on both peers, pushed
      (setq linux (tl-open "linux/ifcfg-tun10"))
      (tl-wait (lambda () (tl-finding linux)) 20 linux)
      (tl-emit "diagnostics"
               `((mode . ,(symbol-name (buffer-local-value 'major-mode linux)))
                 (server . ,(and (tl-server-names linux) (cadr (tl-server-names linux))))
                 (servers . ,(hash-table-count eglot--servers-by-project))
                 (diagnostics . ,(vconcat (mapcar #'vconcat (tl-diagnostics linux))))
                 (founding . ,(or (and (tl-finding linux) (vconcat (tl-finding linux))) nil))))
      (setq cisco (tl-open "cisco/c897va-confg"))
      (tl-wait (lambda () (tl-finding cisco)) 20 cisco)
      (tl-emit "cisco"
               `((mode . ,(symbol-name (buffer-local-value 'major-mode cisco)))
                 (server . ,(and (tl-server-names cisco) (cadr (tl-server-names cisco))))
                 (servers . ,(hash-table-count eglot--servers-by-project))
                 (founding . ,(or (and (tl-finding cisco) (vconcat (tl-finding cisco))) nil))))

      ;; 2. hover on TYPE=GRE6 (line 8), the request eglot's ElDoc function makes
      (switch-to-buffer linux)
      (goto-char (point-min))
      (forward-line 7)
      (forward-char 1)
      (let* ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                     (eglot--TextDocumentPositionParams)))
             (contents (plist-get hover :contents)))
        (tl-emit "hover" `((text . ,(if (stringp contents) contents (or (plist-get contents :value) ""))))))

      ;; 3. M-x eglot-code-actions with point on the finding (GRE6), picking the encaplimit one
      (goto-char (point-min))
      (forward-line 7)
      (forward-char 6)
      (let ((titles nil) (asked nil) (last-nonmenu-event ?\r))
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_prompt collection &rest _)
                     (setq titles (mapcar #'car collection))
                     (or (cl-find-if (lambda (title) (string-match-p "encaplimit none" title)) titles)
                         (error "no encaplimit none action among %S" titles))))
                  ((symbol-function 'y-or-n-p) (lambda (prompt) (push prompt asked) t)))
          (call-interactively #'eglot-code-actions))
        (tl-after-command linux)
        (tl-emit "codeActions" `((titles . ,(vconcat titles)) (asked . ,(vconcat asked)))))

      ;; 4. the new script: a buffer eglot manages; the finding goes away on both peers
      (let* ((script (expand-file-name "linux/ifup-local" tl-ws))
             (sbuf (get-file-buffer script))
             (cleared (tl-wait (lambda () (and (null (tl-finding linux)) (null (tl-finding cisco)))) 20 linux))
             (on-disk-before (file-exists-p script)))
        (save-some-buffers t)
        (tl-emit "afterFix"
                 `((cleared . ,(if cleared t :json-false))
                   (scriptBuffer . ,(if sbuf t :json-false))
                   (scriptMode . ,(if sbuf (symbol-name (buffer-local-value 'major-mode sbuf)) nil))
                   (scriptManaged . ,(if (and sbuf (buffer-local-value 'eglot--managed-mode sbuf)) t :json-false))
                   (onDiskBeforeSave . ,(if on-disk-before t :json-false))
                   (script . ,(if (file-exists-p script)
                                  (with-temp-buffer (insert-file-contents script) (buffer-string))
                                nil))
                   (linuxLeft . ,(vconcat (mapcar #'vconcat (tl-diagnostics linux))))
                   (ciscoLeft . ,(vconcat (mapcar #'vconcat (tl-diagnostics cisco))))))))
  (error (tl-emit "error" `((message . ,(error-message-string err))))))

;; 5. every dialect's file names: the major mode auto-mode-alist gives them, and whether that mode
;;    runs eglot-ensure and eglot's server for it is Tunnel Lens
(condition-case err
    (tl-emit "modes"
             `((modes . ,(vconcat
                          (mapcar (lambda (row)
                                    (let* ((path (expand-file-name (aref row 0) "/srv/configs/"))
                                           (m (assoc-default path auto-mode-alist #'string-match-p))
                                           (mode (if (consp m) (car m) m)))
                                      (vector (aref row 0) (and mode (symbol-name mode))
                                              (if (and mode
                                                       (equal (nth 2 (eglot--lookup-mode mode)) tunnel-lens-server)
                                                       (memq #'eglot-ensure (symbol-value (intern (format "%s-hook" mode)))))
                                                  t :json-false))))
                                  (json-read-file (getenv "DIALECT_FILES")))))))
  (error (tl-emit "error" `((message . ,(format "modes: %s" (error-message-string err)))))))
(princ "DONE\n")
(kill-emacs 0)
