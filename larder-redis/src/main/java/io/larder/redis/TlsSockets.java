package io.larder.redis;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS for the Jedis connections of a {@code rediss://} cache, trusting what the Lettuce connection
 * trusts: the PEM file of {@code options.ssl_ca_certs} or the JDK's authorities, with the server's
 * host name checked; or, with {@code ssl_cert_reqs: none}, anything (as redis-py's {@code
 * CERT_NONE}).
 */
final class TlsSockets {
  private final SSLContext context;
  private final boolean verifyPeer;

  TlsSockets(Path caCertificates, boolean verifyPeer) {
    this.verifyPeer = verifyPeer;
    try {
      TrustManager[] trust =
          !verifyPeer
              ? new TrustManager[] {new TrustingAnyServer()}
              : caCertificates != null ? trusting(caCertificates) : null;
      context = SSLContext.getInstance("TLS");
      context.init(null, trust, null);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS from " + caCertificates + ": " + e, e);
    }
  }

  private static TrustManager[] trusting(Path pem) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      int n = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + n++, certificate);
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  SSLSocketFactory factory() {
    return context.getSocketFactory();
  }

  /** With verification, the server's certificate must name the host connected to. */
  SSLParameters parameters() {
    SSLParameters parameters = new SSLParameters();
    if (verifyPeer) {
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
    }
    return parameters;
  }

  /** {@code ssl_cert_reqs: none}: documented as for tests only. */
  private static final class TrustingAnyServer extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
