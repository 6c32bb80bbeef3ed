import { useTestDatabase } from '@s2/test-server';
import { connect } from '../../src/connect.js';
import { defineConformanceSuite } from './define-conformance-suite.js';

const database = useTestDatabase();

defineConformanceSuite('wire', (extra = {}) => connect({ ...extra, url: database.url }));
