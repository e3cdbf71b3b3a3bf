package org.faithbot.chatbot.system.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit ({@code chatbot.request.max-body-size}, 16 KB) with 413:
 * at once when the declared length is over it, while reading when the body is chunked.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;

    private final ProblemResponseWriter problems;

    RequestBodyLimitFilter(long limit, ProblemResponseWriter problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > this.limit) {
            response.setHeader("Connection", "close");
            this.problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
                    RequestBodyTooLargeException.detail(this.limit));
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, this.limit), response);
    }

    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final long limit;

        private ServletInputStream limited;

        LimitedBodyRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (this.limited == null) {
                this.limited = new LimitedInputStream(super.getInputStream(), this.limit);
            }
            return this.limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;

        private final long limit;

        private long count;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = this.delegate.read();
            if (next >= 0) {
                counted(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = this.delegate.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void counted(int bytes) throws RequestBodyTooLargeException {
            this.count += bytes;
            if (this.count > this.limit) {
                throw new RequestBodyTooLargeException(this.limit);
            }
        }

        @Override
        public boolean isFinished() {
            return this.delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return this.delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener readListener) {
            this.delegate.setReadListener(readListener);
        }
    }
}
